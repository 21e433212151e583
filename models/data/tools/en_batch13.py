from en_common import *
W("A shipment of Chinese-made armoured vehicles arrived at the port of Mombasa on Thursday, destined for the Ugandan army.",
  A('occ','shipment',['Chinese-made'],['the Ugandan army'],'the port of Mombasa','on Thursday'))
W("The arms deal, worth 8 billion dollars, will see Washington supply F-35 jets to the United Arab Emirates over the next decade.",
  A('pla','arms deal',['Washington'],['the United Arab Emirates'],None,'over the next decade'))
W("Deliveries of Russian T-90 tanks to Vietnam were completed last year, according to the Stockholm International Peace Research Institute.",
  A('occ','Deliveries',['Russian'],['Vietnam'],None,'last year'))
W("Kyiv received a new military aid package from Sweden that includes Archer howitzers and CV90 infantry fighting vehicles.",
  A('occ','military aid package',['Sweden'],['Kyiv']))
W("Israeli media reported that Azerbaijan had bought loitering munitions from Israel Aerospace Industries, which the company declined to confirm.",
  A('all','bought',['Israel Aerospace Industries'],['Azerbaijan']))
W("The Greek government denied any plan to transfer its S-300 air defence systems to Ukraine.",
  A('den','transfer',['The Greek government'],['Ukraine']))
W("Pakistan has been secretly selling artillery shells to Ukraine through intermediaries, a news website reported, citing leaked documents.",
  A('all','selling',['Pakistan'],['Ukraine']))
W("Islamabad rejected the report, saying it had not sold any ammunition to either side in the conflict.",
  A('den','sold',['Islamabad'],['either side in the conflict']))
W("Morocco is negotiating the purchase of Israeli Barak MX air defence systems, defence sources said.",
  A('pro','purchase',['Israeli'],['Morocco']))
W("Norway donated eight Leopard 2 tanks to Ukraine in February, its defence ministry said.",
  A('occ','donated',['Norway'],['Ukraine'],None,'in February'))
W("Militants in the Sahel have been receiving weapons smuggled from Libya, according to a report by Conflict Armament Research.",
  A('all','smuggled',['Libya'],['Militants in the Sahel']))
W("Moscow said it would deliver the first batch of Su-35 fighter jets to Tehran early next year, Iranian lawmakers claimed.",
  A('all','deliver',['Moscow'],['Tehran'],None,'early next year'))
W("The Philippines took delivery of two BrahMos missile batteries from India on Friday.",
  A('occ','took delivery',['India'],['The Philippines'],None,'on Friday'))
W("Taiwan will receive 66 F-16V fighter jets from the United States by 2026, the island's defence ministry said.",
  A('pla','receive',['the United States'],['Taiwan'],None,'by 2026'))
W("Spain has offered to send more Leopard tanks to Kyiv if other allies follow suit.",
  A('pro','offered',['Spain'],['Kyiv']))
W("Canada approved the sale of 39 armoured vehicles to Saudi Arabia last month despite protests from rights groups.",
  A('occ','sale',['Canada'],['Saudi Arabia'],None,'last month'))
W("The UAE has been accused by UN experts of flying weapons to the Rapid Support Forces via Chad, an allegation Abu Dhabi denies.",
  A('all','flying',['The UAE'],['the Rapid Support Forces']))
W("Abu Dhabi said it had not provided any arms or ammunition to any of the warring parties in Sudan.",
  A('den','provided',['Abu Dhabi'],['any of the warring parties in Sudan']))
W("France agreed on Tuesday to supply 26 Rafale Marine jets to the Indian Navy for its aircraft carriers.",
  A('pla','supply',['France'],['the Indian Navy'],None,'on Tuesday'))
W("Three cargo planes loaded with ammunition from Belgrade landed in Amman overnight, flight tracking data showed.",
  A('occ','loaded',['Belgrade'],['Amman'],'Amman','overnight'))
W("Turkey has sold armed drones to more than thirty countries, including Ethiopia, Morocco and Ukraine.",
  A('occ','sold',['Turkey'],['Ethiopia','Morocco','Ukraine']))
W("Syrian rebels were reportedly handed anti-tank missiles by Gulf backers last year.",
  A('all','handed',['Gulf backers'],['Syrian rebels'],None,'last year'))
W("The Czech-led initiative will buy 800,000 artillery shells outside Europe for Ukraine.",
  A('pla','buy',['The Czech-led initiative'],['Ukraine']))
W("The first consignment of the Javelin missiles promised by Washington reached Kyiv on Wednesday.",
  A('occ','consignment',['Washington'],['Kyiv'],'Kyiv','on Wednesday'))
W("Officials in Seoul said there was no truth to reports that South Korean shells had been sent to Ukraine via the United States.",
  A('den','sent',['South Korean'],['Ukraine']))
W("Chad's defence minister visited Ankara on Monday and discussed the possible purchase of Turkish drones with his counterpart.",
  V('occ','visited',["Chad's defence minister"],'Ankara','on Monday'), M('occ','discussed',["Chad's defence minister",'his counterpart'],'Ankara','on Monday'), A('pro','purchase',['Turkish'],["Chad's"]))
W("During his visit to Paris, the Indian prime minister signed a deal for three Scorpene submarines.",
  V('occ','visit',['the Indian prime minister'],'Paris'), A('occ','deal',['Paris'],['the Indian prime minister']))
W("Greek Prime Minister Kyriakos Mitsotakis met Turkish President Recep Tayyip Erdogan in Athens on Thursday, the first visit by Erdogan to Greece in six years.",
  M('occ','met',['Kyriakos Mitsotakis','Recep Tayyip Erdogan'],'Athens','on Thursday'), V('occ','visit',['Erdogan'],'Greece',host=['Kyriakos Mitsotakis']))
W("A Russian delegation led by Deputy Defence Minister Yunus-Bek Yevkurov arrived in Tripoli for talks with Khalifa Haftar.",
  V('occ','arrived',['Yunus-Bek Yevkurov'],'Tripoli'), M('pla','talks',['Yunus-Bek Yevkurov','Khalifa Haftar'],'Tripoli'))
W("Venezuelan President Nicolas Maduro will travel to Beijing next week at the invitation of Xi Jinping, the foreign ministry in Caracas said.",
  V('pla','travel',['Nicolas Maduro'],'Beijing','next week',inv=['Xi Jinping']))
W("The Vatican has invited Ukrainian and Russian envoys to meet in Rome, but neither side has accepted.",
  M('pro','meet',['Ukrainian and Russian envoys'],'Rome'))
W("According to diplomatic sources, Saudi and Iranian officials held secret talks in Baghdad last spring.",
  M('all','talks',['Saudi and Iranian officials'],'Baghdad','last spring'))
W("The Egyptian presidency denied that Sisi had met the Israeli prime minister in Sharm el-Sheikh.",
  M('den','met',['Sisi','the Israeli prime minister'],'Sharm el-Sheikh'))
W("Hamas leader Ismail Haniyeh was received by Turkish President Recep Tayyip Erdogan at the Dolmabahce palace in Istanbul on Saturday.",
  M('occ','received',['Ismail Haniyeh','Recep Tayyip Erdogan'],'Dolmabahce palace','on Saturday'), V('occ','received',['Ismail Haniyeh'],'Istanbul','on Saturday',host=['Recep Tayyip Erdogan']))
W("Colombian President Gustavo Petro began a three-day state visit to Spain on Wednesday, meeting King Felipe VI at the Royal Palace.",
  V('occ','state visit',['Gustavo Petro'],'Spain','on Wednesday',host=['King Felipe VI']), M('occ','meeting',['Gustavo Petro','King Felipe VI'],'the Royal Palace','on Wednesday'))
W("The Chinese defence minister is expected in Moscow next month for talks with his Russian counterpart, state media said.",
  V('pla','expected',['The Chinese defence minister'],'Moscow','next month'), M('pla','talks',['The Chinese defence minister','his Russian counterpart'],'Moscow','next month'))
W("Kenyan President William Ruto and Ethiopian Prime Minister Abiy Ahmed spoke by telephone on Sunday about the crisis in Sudan.")
W("In a written message delivered by his envoy, King Salman invited the Iraqi prime minister to visit Riyadh.",
  V('pro','visit',['the Iraqi prime minister'],'Riyadh',inv=['King Salman']))
W("Opposition leader Kemal Kilicdaroglu accused the government of hosting Hamas officials in Ankara, a claim officials rejected.",
  V('all','hosting',['Hamas officials'],'Ankara',host=['the government']))
W("The Houthis denied that an Iranian delegation had visited Sanaa in recent weeks.",
  V('den','visited',['an Iranian delegation'],'Sanaa','in recent weeks'))
W("The Quad foreign ministers met in Tokyo on Monday, their first in-person meeting since the pandemic.",
  M('occ','met',['The Quad foreign ministers'],'Tokyo','on Monday'))
W("The talks between Armenian Prime Minister Nikol Pashinyan and Azerbaijani President Ilham Aliyev in Brussels ended without agreement.",
  M('occ','talks',['Nikol Pashinyan','Ilham Aliyev'],'Brussels'))
W("Qatar offered to host a meeting between US and Taliban representatives in Doha later this month.",
  M('pro','meeting',['US','Taliban representatives'],'Doha','later this month'))
W("Pope Francis will make an apostolic journey to Mongolia from August 31 to September 4, the Vatican said.",
  V('pla','apostolic journey',['Pope Francis'],'Mongolia','from August 31 to September 4'))
W("The Brazilian foreign minister hosted his Argentine counterpart in Brasilia for talks on the Mercosur trade bloc.",
  M('occ','talks',['The Brazilian foreign minister','his Argentine counterpart'],'Brasilia'), V('occ','hosted',['his Argentine counterpart'],'Brasilia',host=['The Brazilian foreign minister']))
# ---- more hard negatives ----
W("The Pentagon's annual report said China's navy is now the largest in the world by number of ships.")
W("India successfully test-fired the Agni-5 ballistic missile from an island off the coast of Odisha.")
W("Italian police seized 14 tonnes of amphetamines and a stockpile of weapons in the port of Salerno.")
W("EU foreign ministers agreed to extend the sanctions regime against Iran over its drone programme.")
W("The Russian Security Council held a meeting chaired by Vladimir Putin on Friday to discuss the situation in the Black Sea.")
W("Japan and India agreed to cooperate on developing a lunar rover as part of a joint space mission.")
W("The IMF approved a 3 billion dollar loan to Egypt to support its economic reforms.")
W("US President Joe Biden and Chinese President Xi Jinping exchanged congratulatory messages on the anniversary of diplomatic ties.")
W("The Saudi cabinet session, chaired by Crown Prince Mohammed bin Salman, approved the new investment law on Tuesday.")
W("The foreign ministers of France and Germany held a video conference with their Ukrainian counterpart on Monday.")
W("Saudi Arabia unveiled plans to manufacture half of its military equipment locally by 2030.")
W("The Iranian navy displayed its new cruise missiles during an exercise in the Strait of Hormuz.")
W("Ukraine's parliament passed a law on Thursday lowering the mobilisation age to 25.")
W("North Korean leader Kim Jong Un inspected a munitions factory and called for increased production of missile launchers.")
W("Greek coastguards rescued 80 migrants from a sinking boat south of Crete on Sunday.")
