from en_common import *
# ---- written: MEETING / VISIT, modern actors, alleged/denied/proposed ----
W("Chinese Foreign Minister Wang Yi met his Australian counterpart Penny Wong in Beijing on Wednesday for talks on trade and regional security.",
  M('occ','met',['Wang Yi','Penny Wong'],'Beijing','on Wednesday'))
W("Saudi Crown Prince Mohammed bin Salman received Ukrainian President Volodymyr Zelensky in Jeddah, where the two leaders discussed a prisoner exchange.",
  M('occ','received',['Mohammed bin Salman','Volodymyr Zelensky'],'Jeddah'), V('occ','received',['Volodymyr Zelensky'],'Jeddah',host=['Mohammed bin Salman']))
W("Indian Prime Minister Narendra Modi will travel to Washington next month for a state visit at the invitation of President Joe Biden.",
  V('pla','state visit',['Narendra Modi'],'Washington','next month',host=['Joe Biden'],inv=['Joe Biden']))
W("Turkish President Recep Tayyip Erdogan invited Israeli President Isaac Herzog to visit Ankara, his office said.",
  V('pro','visit',['Isaac Herzog'],'Ankara',inv=['Recep Tayyip Erdogan']))
W("The Kremlin denied that Vladimir Putin had met Yevgeny Prigozhin after the mutiny, contrary to media reports.",
  M('den','met',['Vladimir Putin','Yevgeny Prigozhin']))
W("Opposition newspapers claimed that the intelligence chief secretly met Hamas officials in Doha last month.",
  M('all','met',['the intelligence chief','Hamas officials'],'Doha','last month'))
W("The office of Prime Minister Shehbaz Sharif denied that he had travelled to Riyadh over the weekend.",
  V('den','travelled',['Shehbaz Sharif'],'Riyadh','over the weekend'))
W("Iranian Foreign Minister Hossein Amir-Abdollahian arrived in Muscat on Sunday for talks with Omani officials.",
  V('occ','arrived',['Hossein Amir-Abdollahian'],'Muscat','on Sunday'), M('occ','talks',['Hossein Amir-Abdollahian','Omani officials'],'Muscat','on Sunday'))
W("French President Emmanuel Macron is expected to visit Beijing in April and hold talks with Xi Jinping.",
  V('pla','visit',['Emmanuel Macron'],'Beijing','in April'), M('pla','talks',['Emmanuel Macron','Xi Jinping'],'Beijing','in April'))
W("The two presidents discussed bilateral trade in a phone call on Tuesday and agreed to meet at the G20 summit in New Delhi.",
  M('pla','meet',['The two presidents'],'New Delhi'))
W("Egyptian President Abdel Fattah al-Sisi held a telephone conversation with Qatar's Emir Sheikh Tamim bin Hamad Al Thani on the situation in Gaza.")
W("German Chancellor Olaf Scholz and Brazilian President Luiz Inacio Lula da Silva held talks at the Planalto Palace in Brasilia on Monday.",
  M('occ','held talks',['Olaf Scholz','Luiz Inacio Lula da Silva'],'Planalto Palace','on Monday'), V('occ','talks',['Olaf Scholz'],'Brasilia'))
W("Japanese Prime Minister Fumio Kishida made a surprise visit to Kyiv on Tuesday, where he met President Volodymyr Zelensky.",
  V('occ','surprise visit',['Fumio Kishida'],'Kyiv','on Tuesday'), M('occ','met',['Fumio Kishida','Volodymyr Zelensky'],'Kyiv','on Tuesday'))
W("US Secretary of State Antony Blinken wrapped up a three-day tour of the Middle East with a stop in Amman.",
  V('occ','tour',['Antony Blinken'],'the Middle East'), V('occ','stop',['Antony Blinken'],'Amman'))
W("Hungary's Viktor Orban is to meet Chinese President Xi Jinping in Beijing on Monday, state media reported.",
  M('pla','meet',["Viktor Orban",'Xi Jinping'],'Beijing','on Monday'), V('pla','meet',["Viktor Orban"],'Beijing','on Monday'))
W("Israel has proposed holding indirect talks with Lebanon under US mediation, a senior official said.",
  M('pro','indirect talks',['Israel','Lebanon']))
W("Pakistan's army chief reportedly visited Washington last week and held talks with senior Pentagon officials, although the military did not confirm the trip.",
  V('all','visited',["Pakistan's army chief"],'Washington','last week'), M('all','held talks',["Pakistan's army chief",'senior Pentagon officials'],'Washington','last week'))
W("Seoul denied that its national security adviser had held secret talks with North Korean officials in a third country.",
  M('den','talks',['its national security adviser','North Korean officials']))
W("The leaders of Kenya, Ethiopia and Somalia gathered in Nairobi on Saturday for a summit on regional security.",
  M('occ','summit',['Kenya','Ethiopia','Somalia'],'Nairobi','on Saturday'))
W("King Abdullah II of Jordan received a delegation of US senators led by Lindsey Graham at the royal palace in Amman.",
  M('occ','received',['Abdullah II','Lindsey Graham'],'the royal palace'), V('occ','received',['Lindsey Graham'],'Amman',host=['Abdullah II']))
W("Xi Jinping accepted an invitation from Vladimir Putin to visit Russia, but no date was set.",
  V('pro','visit',['Xi Jinping'],'Russia',inv=['Vladimir Putin']))
W("The foreign ministers of Armenia and Azerbaijan will hold peace talks in Washington on Thursday.",
  M('pla','peace talks',['Armenia','Azerbaijan'],'Washington','on Thursday'))
W("Ukrainian President Volodymyr Zelensky addressed the Japanese parliament by video link on Wednesday.")
W("The cabinet met on Sunday under the chairmanship of Prime Minister Benjamin Netanyahu to discuss the budget.")
W("Biden and Xi spoke for two hours in a video call on Monday, the White House said.")
W("President Emmanuel Macron sent a letter to Algerian President Abdelmadjid Tebboune proposing a joint commission on history.")
W("The Israeli army said it had struck dozens of Hezbollah targets in southern Lebanon overnight.")
W("The European Parliament held a plenary session in Strasbourg on Tuesday to vote on the new asylum rules.")
W("Foreign Minister Sergei Lavrov told a news conference in Moscow that Russia was ready for dialogue with Washington.")
W("Kuwait's emir sent a cable of condolences to the King of Morocco after the earthquake.")
W("The UN Security Council will discuss the humanitarian situation in Sudan at a closed-door session on Friday.")
W("Chinese President Xi Jinping congratulated Vladimir Putin on his re-election in a message on Monday.")
W("Thousands of tourists visited the Acropolis over the Easter holiday, the Greek culture ministry said.")
W("The Sudanese army and the Rapid Support Forces began indirect talks in Jeddah on Saturday under Saudi and US mediation.",
  M('occ','indirect talks',['The Sudanese army','the Rapid Support Forces'],'Jeddah','on Saturday'))
W("During his visit to Hanoi, Biden met Communist Party chief Nguyen Phu Trong and signed a strategic partnership.",
  V('occ','visit',['Biden'],'Hanoi'), M('occ','met',['Biden','Nguyen Phu Trong'],'Hanoi'))
W("Emir Tamim bin Hamad Al Thani will pay an official visit to Tehran next week, Iranian state media said.",
  V('pla','official visit',['Tamim bin Hamad Al Thani'],'Tehran','next week'))
W("South Africa offered to host talks between Moscow and Kyiv, President Cyril Ramaphosa said.",
  M('pro','talks',['Moscow','Kyiv'],'South Africa'))
W("Reports that the Emirati national security adviser visited Damascus in secret were dismissed as fabricated by Abu Dhabi.",
  V('den','visited',['the Emirati national security adviser'],'Damascus'))
W("President Yoon Suk Yeol hosted Japanese Prime Minister Fumio Kishida for a summit in Seoul, the first such visit in twelve years.",
  M('occ','summit',['Yoon Suk Yeol','Fumio Kishida'],'Seoul'), V('occ','visit',['Fumio Kishida'],'Seoul',host=['Yoon Suk Yeol']))
W("The defence ministers of Greece and Cyprus held a meeting in Nicosia and agreed to expand military cooperation.",
  M('occ','meeting',['Greece','Cyprus'],'Nicosia'))
W("The Libyan rivals agreed to meet in Rabat next month for a new round of UN-backed negotiations.",
  M('pla','meet',['The Libyan rivals'],'Rabat','next month'))
