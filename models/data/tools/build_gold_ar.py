"""Builds tests/gold/dev_ar.jsonl from ar_candidates.jsonl (full article text, hand annotations below)."""
import json, pathlib
SRC = pathlib.Path("/work/shared/data/news/ar_candidates.jsonl")
OUT = pathlib.Path(__file__).resolve().parents[3] / "tests/gold/dev_ar.jsonl"
arts = {json.loads(l)["id"]: json.loads(l) for l in SRC.open(encoding="utf-8")}

# entities
FABIUS = ["Laurent Fabius", "لوران فابيوس", "فابيوس", "Fabius"]
ROUHANI = ["Hassan Rouhani", "حسن روحاني", "روحاني", "Rouhani", "Rohani"]
ZARIF = ["Mohammad Javad Zarif", "محمد جواد ظريف", "ظريف", "Zarif"]
NEMATZADEH = ["Mohammad Reza Nematzadeh", "محمد رضا نعمت زادة", "نعمت زادة", "Nematzadeh"]
EBTEKAR = ["Masoumeh Ebtekar", "معصومة ابتكار", "ابتكار", "Ebtekar"]
TEHRAN = ["Tehran", "طهران", "Iran", "ايران", "إيران", "@IRN"]
LAVROV = ["Sergei Lavrov", "Sergey Lavrov", "سيرغي لافروف", "سيرجي لافروف", "لافروف", "Lavrov"]
MESHAAL = ["Khaled Meshaal", "Khaled Mashal", "خالد مشعل", "مشعل", "Meshaal", "Mashal"]
KHATIB = ["Moaz al-Khatib", "Ahmed Moaz al-Khatib", "أحمد معاذ الخطيب", "معاذ الخطيب", "الخطيب"]
DOHA = ["Doha", "الدوحة", "Qatar", "قطر", "@QAT"]
MOSCOW = ["Moscow", "موسكو", "Russia", "روسيا", "@RUS"]
KERRY = ["John Kerry", "جون كيري", "كيري", "Kerry"]
JUBEIR = ["Adel al-Jubeir", "Adel Al-Jubeir", "عادل الجبير", "الجبير", "Jubeir", "عادل بن أحمد الجبير"]
KL = ["Kuala Lumpur", "كوالالمبور", "Malaysia", "ماليزيا", "@MYS"]
MUALLEM = ["Walid al-Muallem", "Walid Muallem", "وليد المعلم", "المعلم", "Muallem", "Moualem"]
MEKDAD = ["Faisal Mekdad", "Faisal Miqdad", "فيصل مقداد", "فيصل المقداد", "Mekdad"]
OMANI_FM = ["Yusuf bin Alawi", "يوسف بن علوي", "نظيره العماني", "Omani Foreign Minister", "وزير الخارجية العماني", "بن علوي"]
MUSCAT = ["Muscat", "مسقط", "Oman", "عمان", "سلطنة عمان", "سلطنة عُمان", "@OMN"]
SALMAN = ["King Salman", "Salman bin Abdulaziz", "الملك سلمان بن عبد العزيز", "الملك سلمان", "سلمان بن عبد العزيز", "خادم الحرمين الشريفين"]
PUTIN = ["Vladimir Putin", "فلاديمير بوتين", "بوتين", "Putin"]
MBS = ["Mohammed bin Salman", "Mohammad bin Salman", "الأمير محمد بن سلمان", "محمد بن سلمان", "ولي ولي العهد"]
STPETE = ["Saint Petersburg", "St Petersburg", "سان بطرسبورغ", "Russia", "روسيا", "@RUS"]
ATTIYAH = ["Khalid bin Mohammad Al Attiyah", "Khalid al-Attiyah", "خالد بن محمد العطية", "العطية", "Attiyah"]
RENZI = ["Matteo Renzi", "ماتيو رنزي", "رنزي", "Renzi"]
HOLLANDE = ["François Hollande", "Francois Hollande", "فرنسوا هولاند", "هولاند", "Hollande"]
GENTILONI = ["Paolo Gentiloni", "باولو جنتيلوني", "جنتيلوني", "Gentiloni"]
GUIDI = ["Federica Guidi", "فيديريكا غويدي", "غويدي", "Guidi"]
GABRIEL = ["Sigmar Gabriel", "سيغمار غبريال", "غبريال", "Gabriel"]
ITALY = ["Italy", "ايطاليا", "إيطاليا", "Rome", "روما", "@ITA"]
PARIS = ["Paris", "باريس", "France", "فرنسا", "@FRA"]
TURKEY = ["Turkey", "تركيا", "Ankara", "أنقرة", "@TUR"]
CAVUSOGLU = ["Mevlut Cavusoglu", "Mevlüt Çavuşoğlu", "مولود جاوش اوغلو", "جاوش اوغلو", "Cavusoglu"]
IRAN_SUP = ["Iran", "إيران", "ايران", "إيرانيين", "Iranians", "@IRN", "الحرس الثوري الإيراني"]
BAH_SMUG = ["اثنين من مواطنيها", "المحتجزين", "المحتجزان", "two Bahraini citizens", "two Bahrainis", "مواطنيها"]
FRANCE = ["France", "فرنسا", "فرنسية", "الفرنسية", "@FRA", "Paris", "باريس"]
EGYPT = ["Egypt", "مصر", "Cairo", "القاهرة", "@EGY"]
LEDRIAN = ["Jean-Yves Le Drian", "جان ايف لودريان", "لودريان", "Le Drian"]
MAHLAB = ["Ibrahim Mahlab", "إبراهيم محلب", "محلب", "Mahlab"]
CAIRO = ["Cairo", "القاهرة", "Egypt", "مصر", "@EGY"]
USA = ["United States", "الولايات المتحدة", "Washington", "واشنطن", "@USA", "أميركا", "US"]
HAMAS = ["Hamas", "حماس", "حركة حماس", "قيادة «حماس»", "Khaled Meshaal", "خالد مشعل"]

def ev(type_, status, date=None, location=None, optional=False, note=None, **roles):
    e = {"type": type_, "status": status}
    for k, v in roles.items():
        e[k] = v
    if location: e["location"] = location
    if date: e["date"] = date
    if optional: e["optional"] = True
    if note: e["note"] = note
    return e

GOLD = {
 "saudinewsnet-2015-07-31-1559": [
  ev("VISIT", ["occurred"], "2015-07-29", TEHRAN, visitor=[FABIUS], note="Fabius arrived in Tehran on Wednesday for a one-day visit"),
  ev("MEETING", ["occurred", "planned"], "2015-07-29", TEHRAN, participant=[FABIUS, ROUHANI], note="meets Rouhani during the one-day visit"),
  ev("MEETING", ["planned", "occurred"], "2015-07-29", TEHRAN, participant=[FABIUS, ZARIF, NEMATZADEH, EBTEKAR], note="scheduled to meet Zarif, Nematzadeh and Ebtekar during the visit"),
 ],
 "saudinewsnet-2015-08-04-114": [
  ev("MEETING", ["occurred"], "2015-08-03", DOHA, participant=[LAVROV, MESHAAL], note="Lavrov met a Hamas delegation led by Meshaal in Doha on Monday"),
  ev("MEETING", ["occurred"], "2015-08-03", DOHA, participant=[LAVROV, KHATIB], note="Lavrov also met al-Khatib the same day"),
  ev("VISIT", ["proposed", "planned"], None, MOSCOW, visitor=[HAMAS], inviter=[LAVROV], note="Lavrov invited the Hamas leadership to Moscow; accepted, date to be set"),
  ev("VISIT", ["occurred"], "2015-08-03", DOHA, optional=True, visitor=[LAVROV], note="Lavrov's presence in Doha implies a visit"),
 ],
 "saudinewsnet-2015-08-06-208": [
  ev("MEETING", ["planned", "occurred"], "2015-08-05", KL, participant=[KERRY, LAVROV], note="bilateral Kerry-Lavrov meeting on Wednesday evening in Kuala Lumpur, on the sidelines of ASEAN"),
  ev("MEETING", ["occurred"], "2015-08-03", DOHA, participant=[KERRY, LAVROV, JUBEIR], note="the two met Jubeir in Doha on Monday"),
  ev("MEETING", ["occurred"], "2015-08-05", KL, optional=True, participant=[KERRY, LAVROV], note="both take part in the ASEAN meeting (multilateral)"),
  ev("VISIT", ["occurred"], "2015-08-05", KL, optional=True, visitor=[KERRY], note="implied by Kerry being in Malaysia"),
  ev("VISIT", ["occurred"], "2015-08-05", KL, optional=True, visitor=[LAVROV], note="implied by Lavrov being in Malaysia"),
 ],
 "saudinewsnet-2015-08-06-2363": [
  ev("VISIT", ["occurred"], "2015-08-06", MUSCAT, visitor=[MUALLEM, MEKDAD], note="Muallem (with Mekdad) visited Muscat on Thursday"),
  ev("MEETING", ["occurred"], "2015-08-06", MUSCAT, participant=[MUALLEM, OMANI_FM], note="meeting with his Omani counterpart; the two ministers agreed"),
 ],
 "saudinewsnet-2015-08-08-106": [
  ev("VISIT", ["planned"], "2015-08-11", MOSCOW, visitor=[JUBEIR], note="Jubeir will visit Moscow next Tuesday"),
  ev("VISIT", ["planned", "proposed"], None, MOSCOW, visitor=[SALMAN], inviter=[PUTIN], note="King Salman's expected visit to Moscow at Putin's invitation"),
  ev("MEETING", ["occurred"], "2015-06", STPETE, participant=[PUTIN, MBS], note="Putin received Mohammed bin Salman in St Petersburg last June"),
  ev("VISIT", ["occurred"], "2015-06", STPETE, optional=True, visitor=[MBS], host=[PUTIN], note="implied by the reception in St Petersburg"),
  ev("MEETING", ["planned"], "2015-08-11", MOSCOW, optional=True, participant=[JUBEIR, ["Russian officials", "المسؤولين الروس"]], note="meetings with unnamed Russian officials during the visit"),
  ev("MEETING", ["occurred"], None, DOHA, participant=[JUBEIR, LAVROV], note="Jubeir met Lavrov in Doha (background, no date given)"),
 ],
 "saudinewsnet-2015-07-25-358": [
  ev("VISIT", ["occurred"], "2015-07-25", DOHA, visitor=[JUBEIR], host=[ATTIYAH], note="official visit to Qatar, arrived today"),
  ev("MEETING", ["occurred"], "2015-07-25", DOHA, optional=True, participant=[JUBEIR, ATTIYAH], note="airport reception only"),
 ],
 "saudinewsnet-2015-08-06-1746": [
  ev("VISIT", ["proposed", "planned"], None, ITALY, visitor=[ROUHANI], inviter=[RENZI], note="Renzi invited Rouhani to Italy; Rouhani hopes to visit in due time"),
  ev("VISIT", ["proposed", "planned"], "2015-11", PARIS, visitor=[ROUHANI], inviter=[HOLLANDE], note="Hollande's invitation to visit Paris in November"),
  ev("VISIT", ["occurred"], "2015-08-04", TEHRAN, visitor=[GENTILONI, GUIDI], note="Gentiloni arrived in Iran on Tuesday with Guidi and a business delegation"),
  ev("MEETING", ["occurred"], "2015-08-05", TEHRAN, participant=[GENTILONI, ROUHANI], note="Gentiloni handed Rouhani the letter yesterday"),
  ev("MEETING", ["occurred"], None, TEHRAN, participant=[GENTILONI, ZARIF], note="meeting with Zarif"),
  ev("VISIT", ["occurred"], None, TEHRAN, visitor=[FABIUS], note="background: Fabius's visit to Tehran"),
  ev("MEETING", ["occurred"], None, TEHRAN, optional=True, participant=[FABIUS, ROUHANI], note="Fabius handed Rouhani Hollande's invitation during his visit"),
  ev("VISIT", ["occurred"], None, TEHRAN, optional=True, visitor=[GABRIEL], note="Gabriel named as earlier EU visitor to Iran"),
 ],
 "saudinewsnet-2015-08-11-772": [
  ev("VISIT", ["planned", "proposed"], None, TURKEY, visitor=[ZARIF], note="visit scheduled for Tuesday postponed to a later date; still on the agenda"),
  ev("MEETING", ["planned", "proposed"], None, TURKEY, optional=True, participant=[ZARIF, CAVUSOGLU], note="Zarif was to meet Cavusoglu; postponed"),
 ],
 "saudinewsnet-2015-07-26-1336": [
  ev("ARMS_TRANSFER", ["occurred", "alleged"], None, None, supplier=[IRAN_SUP], recipient=[BAH_SMUG], note="two Bahrainis confessed receiving explosives, automatic weapons and ammunition from Iranians (smuggling foiled)"),
 ],
 "saudinewsnet-2015-07-26-818": [
  ev("ARMS_TRANSFER", ["occurred"], "2015-07", None, supplier=[FRANCE], recipient=[EGYPT], note="France delivered the first batch of Rafale jets days ago"),
  ev("ARMS_TRANSFER", ["planned"], None, None, supplier=[FRANCE], recipient=[EGYPT], note="a FREMM frigate is expected to be delivered"),
  ev("MEETING", ["occurred"], "2015-07-25", CAIRO, participant=[MAHLAB, LEDRIAN], note="Mahlab met Le Drian on Saturday"),
  ev("VISIT", ["occurred"], "2015-07", CAIRO, visitor=[LEDRIAN], note="Le Drian is visiting Cairo"),
 ],
 "saudinewsnet-2015-07-31-262": [
  ev("ARMS_TRANSFER", ["planned"], None, None, supplier=[USA], recipient=[EGYPT], note="eight F-16 Block 52 to be delivered within two days"),
  ev("ARMS_TRANSFER", ["planned"], "2015", None, supplier=[USA], recipient=[EGYPT], note="four more F-16 next autumn"),
  ev("ARMS_TRANSFER", ["occurred"], "2015-06", None, supplier=[USA], recipient=[EGYPT], note="two fast missile boats delivered last month"),
  ev("ARMS_TRANSFER", ["occurred", "planned"], "2015-03", None, optional=True, supplier=[USA, ["Barack Obama", "باراك أوباما", "أوباما"]], recipient=[EGYPT], note="Obama lifted the hold and released F-16s, Harpoons and Abrams kits in March"),
  ev("VISIT", ["planned"], "2015-08-02", EGYPT, visitor=[KERRY], note="Kerry expected to visit Egypt on Sunday for a strategic dialogue"),
 ],
 "saudinewsnet-2015-08-10-1185": [],
 "saudinewsnet-2015-07-24-695": [
  ev("MEETING", ["occurred"], "2015-07", ["Vienna", "فيينا", "Austria", "النمسا", "@AUT"], optional=True,
     participant=[["Iran", "إيران", "@IRN", "طهران"], ["P5+1", "the six powers", "القوى الست الدولية", "القوى الست"]],
     note="the deal concluded in Vienna last week between Iran and the six powers implies the final negotiating round; implicit"),
 ],
 "saudinewsnet-2015-08-06-462": [],
 "saudinewsnet-2015-08-07-1091": [
  ev("VISIT", ["proposed"], None, ["Egypt", "مصر", "@EGY", "Suez Canal", "قناة السويس"], optional=True,
     visitor=[["Omar al-Bashir", "عمر البشير", "البشير", "Bashir"]],
     note="Bashir received an official invitation to attend the Suez Canal opening; travel only implied. Otherwise negative: pardons, a plane sent to fly fishermen home"),
 ],
}
NOTES_NEG = {
 "saudinewsnet-2015-08-10-1185": "US deploys its own F-16s to Incirlik: deployment, not a transfer",
}
with OUT.open("w", encoding="utf-8") as f:
    for aid, evs in GOLD.items():
        a = arts[aid]
        art = {k: a[k] for k in ("id", "title", "text", "language", "published_at")}
        art["source"] = "ar_candidates.jsonl (SaudiNewsNet)"
        f.write(json.dumps({"article": art, "events": evs}, ensure_ascii=False) + "\n")
print(len(GOLD), sum(len(v) for v in GOLD.values()), sum(1 for v in GOLD.values() for e in v if e.get("optional")))
