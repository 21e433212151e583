"""Shared helpers for the English training annotations (models/data/events_en.jsonl).

Sentences are cut from ../shared/data/news/en_newswire_te3silver.jsonl and en_candidates.jsonl and
addressed as "<article id>:<sentence number>" (the te3silver- prefix may be dropped). Articles chosen for
tests/gold/dev_en.jsonl (GOLD) and their stories (STORY_EXCL, BAD) are excluded here.
L(key(s), *events): a real sentence (or adjacent sentences joined by a space); W(text, *events): written.
M/V/A build MEETING / VISIT / ARMS_TRANSFER events; statuses occ/pla/pro/all/den.
"""
import json, re
import pathlib
N=str(pathlib.Path(__file__).resolve().parents[4]/'shared/data/news')+'/'
GOLD=set('''te3silver-XIN_ENG_20051101.0332 te3silver-XIN_ENG_20051105.0001 te3silver-XIN_ENG_20061122.0294 reuters21578-13246 reuters21578-2879 te3silver-XIN_ENG_20061127.0069 te3silver-XIN_ENG_20061130.0055 te3silver-AFP_ENG_19970430.0571 reuters21578-9247 te3silver-XIN_ENG_20061102.0263 reuters21578-10352 re3d-09FF200CBB76594D688F8EB565717543 reuters21578-1389 te3silver-AFP_ENG_20061219.0086 reuters21578-6989 te3silver-XIN_ENG_20051110.0101'''.split())
STORY_EXCL=set('''te3silver-XIN_ENG_20061122.0301 te3silver-AFP_ENG_19970430.0553 te3silver-AFP_ENG_19970419.0152 reuters21578-10265 reuters21578-17256 reuters21578-17304 reuters21578-5963 reuters21578-15301 reuters21578-7525 reuters21578-10671 reuters21578-6345 reuters21578-4668 reuters21578-5775 reuters21578-1895'''.split())
BAD=re.compile(r"Meshaal|Mashaal|Mobutu|Kabila|Nakasone|Christopher Hill|Kim Kye|Talabani|Liang Guanglie|Grenada|Peretz|submarine|Hawk|British Aerospace|Contra|Iran arms|Ellwood|Nong Duc Manh|Tran Duc Luong|Wu Dawei",re.I)
SPL=re.compile(r'(?<=[.!?])["\']?\s+(?=["\'A-Z])')
ABBR=re.compile(r'(\b(?:Mr|Mrs|Ms|Dr|Gen|Col|Lt|Sgt|Capt|St|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec|No|Gov|Sen|Rep|Maj|Adm|Jr|Co|Corp|Inc|Ltd|vs|U\.S|U\.N|U\.K|E\.U|a\.m|p\.m)\.)$')
def sents(p):
    parts=SPL.split(p); out=[]
    for s in parts:
        if out and (ABBR.search(out[-1]) or re.search(r'\b[A-Z]\.$',out[-1])): out[-1]+=' '+s
        else: out.append(s)
    return out
rows=[]
for fn in ['en_newswire_te3silver.jsonl','en_candidates.jsonl']:
    for l in open(N+fn):
        d=json.loads(l)
        if d['id'] in GOLD or d['id'] in STORY_EXCL: continue
        if fn=='en_candidates.jsonl' and d['id'].startswith('te3silver'): continue  # duplicated in te3silver file?
        paras=[p.strip() for p in re.split(r'\n+',d['text']) if p.strip()]
        k=0
        for p in paras:
            for s in sents(p):
                k+=1
                if BAD.search(s): continue
                # check the sentence is an exact substring of text
                if s not in d['text']: continue
                rows.append({'key':f"{d['id']}:{k}",'file':fn,'id':d['id'],'date':(d.get('published_at') or '')[:10],'s':s})

_rows={r['key']:r for r in rows}
_arts={}
def _art(i,fn):
    if i not in _arts:
        for l in open(N+fn):
            d=json.loads(l)
            if d['id']==i: _arts[i]=d['text']; break
    return _arts[i]
OUT=[]
ST={'occ':'occurred','pla':'planned','pro':'proposed','all':'alleged','den':'denied'}
def _k(k): return k if k.startswith(('reuters','re3d')) else 'te3silver-'+k
def L(keys,*evs,text=None):
    if isinstance(keys,str): keys=[keys]
    rs=[_rows[_k(k)] for k in keys]
    t=' '.join(r['s'] for r in rs) if text is None else text
    fn=rs[0]['file']; aid=rs[0]['id']
    if fn=='en_candidates.jsonl': pass
    assert t in _art(aid,fn) or text is None or all(x in _art(aid,fn) for x in t.split(' … ')), ('not in article',t)
    OUT.append({'lang':'en','source':f"{fn}#{aid}",'text':t,'events':list(evs)})
def W(text,*evs):
    OUT.append({'lang':'en','source':'written','text':text,'events':list(evs)})
def M(st,trig,parts,loc=None,time=None):
    return {'type':'MEETING','status':ST[st],'trigger':trig,'participant':parts,'location':loc,'time':time}
def V(st,trig,vis,loc=None,time=None,host=(),inv=()):
    return {'type':'VISIT','status':ST[st],'trigger':trig,'visitor':vis,'host':list(host),'inviter':list(inv),'location':loc,'time':time}
def A(st,trig,sup,rec,loc=None,time=None):
    return {'type':'ARMS_TRANSFER','status':ST[st],'trigger':trig,'supplier':sup,'recipient':rec,'location':loc,'time':time}
