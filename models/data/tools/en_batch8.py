from en_common import *
# ---- written: ARMS_TRANSFER, all statuses, modern actors ----
W("Germany delivered the first batch of Leopard 2 tanks to Ukraine on Monday, the defence ministry in Berlin said.",
  A('occ','delivered',['Germany'],['Ukraine'],None,'on Monday'))
W("The United States will send a further 300 million dollars' worth of artillery shells and air defence interceptors to Kyiv, the Pentagon announced on Friday.",
  A('pla','send',['The United States'],['Kyiv']))
W("Washington has accused Tehran of supplying hundreds of Shahed drones to Moscow for use in the war in Ukraine.",
  A('all','supplying',['Tehran'],['Moscow']))
W("Iran's foreign ministry denied sending any drones to Russia, calling the reports baseless.",
  A('den','sending',["Iran's foreign ministry"],['Russia']))
W("Egypt has signed a deal to buy 30 additional Rafale fighter jets from France, Cairo's military spokesman said.",
  A('occ','deal',['France'],['Egypt']))
W("Turkey offered to sell Bayraktar TB2 drones to Poland during talks between the two defence ministers in Ankara on Tuesday.",
  A('pro','offered',['Turkey'],['Poland']), M('occ','talks',['the two defence ministers'],'Ankara','on Tuesday'))
W("India is scheduled to take delivery of the remaining S-400 air defence squadrons from Russia next year.",
  A('pla','delivery',['Russia'],['India'],None,'next year'))
W("A UN panel of experts said the Houthis had received anti-ship missiles smuggled from Iran, a charge Tehran rejected.",
  A('all','received',['Iran'],['the Houthis']))
W("Israel denied reports that it had approved the transfer of Patriot missile batteries to Ukraine.",
  A('den','transfer',['Israel'],['Ukraine']))
W("South Korea and Poland signed a contract for the delivery of 180 K2 tanks, the first of which arrived in Gdynia in December.",
  A('occ','delivery',['South Korea'],['Poland'],'Gdynia','in December'))
W("Britain is considering a request from Kyiv for Storm Shadow cruise missiles, Prime Minister Rishi Sunak said.",
  A('pro','request',['Britain'],['Kyiv']))
W("The rebels allegedly received rifles and mortar rounds from neighbouring Rwanda, according to a confidential UN report.",
  A('all','received',['Rwanda'],['The rebels']))
W("China has supplied Pakistan with four Type 054A/P frigates under a deal signed in 2018.",
  A('occ','supplied',['China'],['Pakistan']), A('occ','deal',['China'],['Pakistan'],None,'in 2018'))
W("Russian officials insisted that no weapons had been shipped to Venezuela since the start of the year.",
  A('den','shipped',['Russian officials'],['Venezuela'],None,'since the start of the year'))
W("The Pentagon said it would transfer 31 Abrams tanks to the Ukrainian army by the autumn.",
  A('pla','transfer',['The Pentagon'],['the Ukrainian army'],None,'by the autumn'))
W("Opposition lawmakers accused the government of secretly selling ammunition to the Sudanese army through a third country.",
  A('all','selling',['the government'],['the Sudanese army']))
W("Algeria has received its first Su-57 stealth fighters from Russia, according to satellite imagery analysed by defence experts.",
  A('all','received',['Russia'],['Algeria']))
W("Japan agreed on Thursday to export Patriot interceptor missiles to the United States to replenish stocks sent to Ukraine.",
  A('pla','export',['Japan'],['the United States'],None,'on Thursday'), A('occ','sent',['the United States'],['Ukraine']))
W("The Saudi-led coalition intercepted a dhow carrying weapons in the Arabian Sea on Sunday, but did not say where it was headed.")
W("Hezbollah has obtained precision-guided missiles from Iran via Syria, Israeli military intelligence claims.",
  A('all','obtained',['Iran'],['Hezbollah']))
W("Serbia denied that its ammunition had reached Ukraine, saying all exports went to licensed buyers.",
  A('den','reached',['Serbia'],['Ukraine']))
W("Under the agreement, Brazil will supply Embraer Super Tucano attack aircraft to the Philippine Air Force starting in 2025.",
  A('pla','supply',['Brazil'],['the Philippine Air Force'],None,'starting in 2025'))
W("Indonesia has proposed buying 42 Mirage 2000 jets from Qatar, but the sale has not been approved.",
  A('pro','buying',['Qatar'],['Indonesia']))
W("The Netherlands handed over 18 F-16 fighter jets to Romania for a training centre at Fetesti air base.",
  A('occ','handed over',['The Netherlands'],['Romania'],'Fetesti air base'))
W("Belarus reportedly received Iskander missile systems from Moscow, state television in Minsk showed on Wednesday.",
  A('all','received',['Moscow'],['Belarus']))
W("Armenia said it had paid for four Su-30SM jets but that Russia never delivered the weapons.",
  A('den','delivered',['Russia'],['Armenia']))
W("The EU pledged to provide one million artillery shells to Ukraine within twelve months.",
  A('pla','provide',['The EU'],['Ukraine'],None,'within twelve months'))
W("Australia is in talks with the United States about acquiring Tomahawk cruise missiles for its navy.",
  A('pro','acquiring',['the United States'],['Australia']))
# ---- written: ARMS hard negatives ----
W("North Korea test-fired two short-range ballistic missiles into the sea off its east coast on Sunday, Seoul's military said.")
W("Iran unveiled a new domestically produced long-range drone at a ceremony attended by the defence minister.")
W("Customs officers seized a cache of rifles and ammunition hidden in a lorry at the border crossing, police said.")
W("The Security Council extended the arms embargo on South Sudan for another year.")
W("Washington imposed fresh sanctions on Chinese companies it says help Moscow's defence industry.")
W("Rheinmetall plans to build an ammunition factory in Lithuania to produce 155mm shells.")
W("Russia and China signed an agreement on cooperation in lunar exploration and satellite navigation.")
W("The World Bank approved 1.5 billion dollars in budget support for Ukraine on Thursday.")
W("Ukrainian forces used Western-supplied HIMARS rockets to strike a Russian command post near Melitopol.")
W("France and India will hold joint naval exercises in the Indian Ocean next month.")
W("The defence ministry said it had doubled the production of artillery shells at state factories this year.")
W("US and Japanese troops trained together on the new air defence systems at a base in Okinawa.")
