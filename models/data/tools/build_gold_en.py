"""Builds tests/gold/dev_en.jsonl from ../shared/data/news/en_candidates.jsonl (full article text,
hand annotations below, conventions of ../shared/eval/ANNOTATION.md)."""
import json, pathlib
SRC = pathlib.Path("/work/shared/data/news/en_candidates.jsonl")
OUT = pathlib.Path(__file__).resolve().parents[3] / "tests/gold/dev_en.jsonl"
arts = {json.loads(l)["id"]: json.loads(l) for l in SRC.open(encoding="utf-8")}

HU = ["Hu Jintao", "Hu", "胡锦涛", "هو جين تاو"]
HANOI = ["Hanoi", "Vietnam", "Viet Nam", "@VNM"]
MANH = ["Nong Duc Manh", "Manh"]
LUONG = ["Tran Duc Luong", "Luong"]
CASTRO = ["Fidel Castro", "Castro", "فيدل كاسترو"]
RAUL = ["Raul Castro Ruz", "Raul Castro", "Raúl Castro", "راؤول كاسترو"]
LIANG = ["Liang Guanglie", "Liang"]
CUBA = ["Havana", "Cuba", "@CUB"]
MESHAAL = ["Khaled Meshaal", "Khaled Mashal", "Khaled Meshal", "Meshaal", "خالد مشعل", "Hamas"]
CAIRO = ["Cairo", "Egyptian capital", "Egypt", "@EGY"]
EGY_OFF = ["senior Egyptian officials", "Egyptian officials", "Egypt", "Cairo", "@EGY"]
USA = ["United States", "U.S.", "US", "Washington", "America", "Pentagon", "Central Intelligence Agency", "CIA", "@USA"]
IRAN = ["Iran", "Tehran", "@IRN"]
SKOREA = ["South Korea", "S. Korea", "Republic of Korea", "ROK", "Seoul", "@KOR"]
HILL = ["Christopher Hill", "Hill", "كريستوفر هيل"]
WU = ["Wu Dawei", "Wu"]
BEIJING = ["Beijing", "Chinese capital", "China", "@CHN"]
LALSINGH = ["Kenny Lalsingh", "Lalsingh"]
JOSEPH = ["Lawrence Joseph"]
CHINA = ["China", "Beijing", "@CHN"]
KABILA = ["Laurent Kabila", "Laurent-Désiré Kabila", "Kabila"]
MOBUTU = ["Mobutu Sese Seko", "Mobutu"]
SHIP = ["South African naval vessel", "aboard a South African naval vessel", "ship", "Outeniqua"]
RICHARDSON = ["Bill Richardson", "Richardson"]
KINSHASA = ["Kinshasa", "Zaire", "@COD"]
UK_SUP = ["Short Brothers", "Britain", "British Government", "UK", "United Kingdom", "Margaret Thatcher", "@GBR"]
CONTRAS = ["Contra", "Contras", "Nicaraguan Contra rebels", "Contra rebels", "Contra terrorists"]
NORTH = ["Oliver North", "Colonel Oliver North", "North"]
CASEY = ["William Casey", "Casey"]
THATCHER = ["Margaret Thatcher", "Thatcher"]
CHIRAC = ["Jacques Chirac", "Chirac"]
TALABANI = ["Jalal Talabani", "Talabani", "جلال طالباني"]
PARIS = ["Paris", "Elysee", "l'Elysee", "Presidential palace", "France", "@FRA"]
NAKASONE = ["Yasuhiro Nakasone", "Nakasone"]
KURANARI = ["Tadashi Kuranari", "Kuranari"]
REAGAN = ["Ronald Reagan", "President Reagan", "Reagan"]
WASH = ["Washington", "United States", "U.S.", "@USA"]
NK_KIM = ["Kim Kye-Gwan", "Kim Kye-gwan", "Kim Gye-gwan", "North Korea", "North Korean delegation", "DPRK", "Pyongyang", "@PRK"]
US_HILL = ["Christopher Hill", "Hill", "United States", "US", "US delegation", "@USA"]
SAUDI = ["Saudi Arabia", "Saudi government", "kingdom", "Riyadh", "@SAU"]
YOUNGER = ["George Younger", "Younger"]

def ev(type_, status, date=None, location=None, optional=False, note=None, **roles):
    e = {"type": type_, "status": status}
    e.update(roles)
    if location: e["location"] = location
    if date: e["date"] = date
    if optional: e["optional"] = True
    if note: e["note"] = note
    return e

GOLD = {
 "te3silver-XIN_ENG_20051101.0332": [
   ev("VISIT", ["occurred"], "2005-10-31", HANOI, visitor=[HU], note="official goodwill visit to Vietnam: arrived in Hanoi Monday (Oct 31), left Wednesday"),
   ev("MEETING", ["occurred"], None, HANOI, participant=[HU, MANH, LUONG], note="during his stay in Hanoi, talks with Nong Duc Manh and Tran Duc Luong; no day given"),
 ],
 "te3silver-XIN_ENG_20051105.0001": [
   ev("MEETING", ["occurred"], "2005-11-04", CUBA, participant=[CASTRO, LIANG], note="Castro met Liang here Friday"),
   ev("VISIT", ["occurred"], "2005-11-04", CUBA, visitor=[LIANG], note="Liang arrived here Friday for a three-day visit"),
   ev("MEETING", ["occurred"], "2005-11-04", CUBA, participant=[LIANG, RAUL], note="also met Raul Castro on Friday"),
   ev("MEETING", ["occurred"], None, CUBA, optional=True,
      participant=[LIANG, ["Cuba's top military leaders", "top military leaders", "Cuba", "@CUB"]],
      note="'reached broad consensus with Cuba's top military leaders' implies talks; vague"),
 ],
 "te3silver-XIN_ENG_20061122.0294": [
   ev("VISIT", ["occurred"], "2006-11-22", CAIRO, visitor=[MESHAAL], note="arrived in Cairo on Wednesday night on a surprise visit"),
   ev("MEETING", ["planned"], None, CAIRO, participant=[MESHAAL, EGY_OFF], note="would hold talks with senior Egyptian officials"),
 ],
 "reuters21578-13246": [
   ev("ARMS_TRANSFER", ["alleged", "denied"], "1987-03", supplier=[USA], recipient=[IRAN],
      items=[["anti-aircraft command and control equipment", "weapons-related equipment"]],
      note="NBC report of US weapons-related shipments to Iran as recently as last month (via Belgium and Pakistan); White House, State and Defence Departments deny"),
 ],
 "reuters21578-2879": [
   ev("ARMS_TRANSFER", ["planned", "proposed"], None, supplier=[USA], recipient=[SKOREA],
      items=[["28 modification kits", "electronic equipment", "I-Hawk"]],
      note="US plans to sell Hawk upgrade kits; expected to become official in 30 days"),
 ],
 "te3silver-XIN_ENG_20061127.0069": [
   ev("VISIT", ["occurred"], "2006-11-27", BEIJING, visitor=[HILL], note="arrived here (Beijing) Monday afternoon"),
   ev("VISIT", ["occurred"], "2006-11", BEIJING, visitor=[HILL], note="just a week ago Hill came to the Chinese capital"),
   ev("MEETING", ["occurred"], "2006-11", BEIJING, participant=[HILL, WU], note="a week ago met vice foreign minister Wu Dawei"),
 ],
 "te3silver-XIN_ENG_20061130.0055": [
   ev("VISIT", ["planned"], "2006-12-03", CHINA, visitor=[LALSINGH, JOSEPH], note="official goodwill visit to China Dec 3-9 at Wu Bangguo's invitation"),
 ],
 "te3silver-AFP_ENG_19970430.0571": [
   ev("MEETING", ["planned"], "1997-05-02", SHIP, participant=[KABILA, MOBUTU], note="agreed face-to-face talks aboard a South African naval vessel Friday"),
   ev("VISIT", ["occurred"], None, KINSHASA, optional=True, visitor=[RICHARDSON], note="US envoy announced in Kinshasa: presence implied"),
 ],
 "reuters21578-9247": [
   ev("ARMS_TRANSFER", ["alleged", "denied"], None, supplier=[UK_SUP], recipient=[CONTRAS],
      items=[["Blowpipe missiles", "anti- aircraft missiles", "launchers"]],
      note="Labour says Thatcher approved sale of Blowpipes to the Contras; minister dismisses it"),
   ev("MEETING", ["alleged", "occurred"], "1986", None, participant=[NORTH, CASEY, THATCHER],
      note="two meetings between North, Casey and Thatcher in 1986 (Foulkes); one event"),
   ev("ARMS_TRANSFER", ["occurred"], None, optional=True, supplier=[USA], recipient=[IRAN],
      note="background: the sale of arms to Iran covered by the Tower Commission report"),
 ],
 "te3silver-XIN_ENG_20061102.0263": [
   ev("MEETING", ["occurred"], "2006-11-02", PARIS, participant=[CHIRAC, TALABANI], note="met Thursday afternoon at the Elysee"),
   ev("VISIT", ["occurred"], "2006-11-01", PARIS, visitor=[TALABANI], host=[CHIRAC], note="arrived in Paris Wednesday afternoon for a three-day official visit"),
 ],
 "reuters21578-10352": [
   ev("VISIT", ["planned"], "1987-04-29", WASH, visitor=[NAKASONE, KURANARI], note="official week-long visit to the US from April 29; Kuranari accompanies"),
   ev("MEETING", ["planned"], None, WASH, participant=[NAKASONE, REAGAN], note="will hold talks in Washington with Reagan"),
 ],
 "re3d-09FF200CBB76594D688F8EB565717543": [],
 "reuters21578-1389": [],
 "te3silver-AFP_ENG_20061219.0086": [
   ev("MEETING", ["occurred"], "2006-12-19", BEIJING, participant=[US_HILL, NK_KIM], note="first direct US-North Korea talks, Tuesday, at the six-party forum (here = Beijing)"),
 ],
 "reuters21578-6989": [
   ev("ARMS_TRANSFER", ["proposed"], None,
      supplier=[["Britain", "British", "Vickers", "@GBR"], ["France", "@FRA"], ["West Germany", "@DEU"], ["Italy", "@ITA"], ["Sweden", "@SWE"], ["The Netherlands", "Netherlands", "@NLD"]],
      recipient=[SAUDI], items=[["submarines", "Upholder submarine"]],
      note="Saudi submarine purchase: studies done, tenders to be invited, six European countries approached"),
   ev("VISIT", ["occurred"], "1987-02", SAUDI, visitor=[YOUNGER], note="Younger's visit to Saudi Arabia last month"),
 ],
}

with OUT.open("w", encoding="utf-8") as fh:
    for aid, events in GOLD.items():
        a = arts[aid]
        art = {"id": a["id"], "title": a.get("title"), "text": a["text"], "language": "en",
               "published_at": a.get("published_at"), "source": a.get("source_repo") or a.get("source") or "en_candidates.jsonl"}
        fh.write(json.dumps({"article": art, "events": events}, ensure_ascii=False) + "\n")
print(len(GOLD), "articles,", sum(len(v) for v in GOLD.values()), "events")
