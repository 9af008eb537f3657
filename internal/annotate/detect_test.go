package annotate

import (
	"fmt"
	"strings"
	"testing"
	"time"
)

// detectCases are small articles, one paragraph a line, and the claims
// expected in them, in order, as "source/type" (source a registry id or
// "=" for an unregistered one), with "via:", "conduit:" and "org:" notes
// when they matter. A case with no claim wants none. They pin one pattern
// each, cheaply; the gold set measures the whole.
var detectCases = []struct {
	name, lang, text string
	want             []string
}{
	// Arabic: verbs, their forms and their order.
	{"ar verb feminine", "ar", "وقالت وكالة رويترز إن المحادثات توقفت.", []string{"reuters/indirect"}},
	{"ar verb imperfect", "ar", "وتقول صحيفة نيويورك تايمز إن الإدارة تدرس خيارات جديدة.", []string{"nyt/indirect"}},
	{"ar verb after adverbial", "ar", "من جهتها، قالت وزارة الخارجية الروسية إن موسكو سترد.", []string{"russian-foreign-ministry/indirect"}},
	{"ar verb with date between", "ar", "وأعلنت وزارة الدفاع الروسية، مساء الأحد، أن قواتها سيطرت على بلدة جديدة.", []string{"russian-defence-ministry/indirect"}},
	{"ar report between", "ar", "وذكرت صحيفة الغارديان البريطانية، في تقرير لها، أن الحكومة ستستقيل.", []string{"guardian/indirect"}},
	{"ar anonymous sources", "ar", "وأفادت مصادر مطلعة بأن الاجتماع تأجل إلى الأسبوع المقبل.", []string{"=/indirect"}},
	{"ar person registered", "ar", "وقال وزير الخارجية الأميركي أنتوني بلينكن إن الاتفاق قريب.", []string{"antony-blinken/indirect"}},
	{"ar subject first", "ar", "الكرملين قال إن الرئيس بوتين لن يشارك في القمة.", []string{"kremlin/indirect"}},
	{"ar denial", "ar", "ونفت حركة حماس أن تكون قد تلقت مقترحا جديدا.", []string{"hamas/indirect"}},
	// Continuations.
	{"ar pro-drop", "ar", "وقالت وكالة الصحافة الفرنسية إن الوضع متوتر.\nوأضافت أن القوات انسحبت.", []string{"afp/indirect", "afp/continuation"}},
	{"ar pro-drop gender picks", "ar", "وقال الرئيس الأميركي جو بايدن إن الهدنة ممكنة.\nوقالت وكالة رويترز إن المفاوضات مستمرة.\nوأضاف أن واشنطن ستواصل الضغط.", []string{"joe-biden/indirect", "reuters/indirect", "joe-biden/continuation"}},
	{"ar participle", "ar", "وقالت وزارة الخارجية الصينية إن بكين تعارض العقوبات، مشيرة إلى أنها سترد.", []string{"chinese-foreign-ministry/indirect", "chinese-foreign-ministry/continuation"}},
	{"ar colon quote", "ar", "وقال بلينكن: «لن نتراجع».\nوتابع: «هذا التزامنا».", []string{"antony-blinken/direct", "antony-blinken/continuation"}},
	// According to, chains, conduits.
	{"ar according before", "ar", "وبحسب وكالة الأناضول، فإن عدد الضحايا ارتفع إلى 50.", []string{"anadolu/according_to"}},
	{"ar according after", "ar", "وارتفع عدد القتلى إلى 40، وفقا لوزارة الصحة في غزة.", []string{"gaza-health-ministry/according_to"}},
	{"ar according with verb", "ar", "وتوقفت المحادثات، بحسب ما ذكرت وكالة رويترز.", []string{"reuters/according_to"}},
	{"ar chain", "ar", "ونقل موقع أكسيوس عن مسؤولين أميركيين قولهم إن الاتفاق بات وشيكا.", []string{"axios/indirect via:="}},
	{"ar chain citing", "ar", "وذكرت شبكة سي إن إن، نقلا عن مصدرين مطلعين، أن الضربة وشيكة.", []string{"cnn/indirect via:="}},
	{"ar conduit", "ar", "وقال مسؤول إسرائيلي لرويترز إن الجيش سيواصل عملياته.", []string{"=/indirect conduit:reuters"}},
	{"en conduit who spoke to", "en", "The official, who spoke to Reuters on condition of anonymity, said talks had stalled.", []string{"=/indirect conduit:reuters"}},
	{"en conduit speaking on", "en", "Speaking on CNN's State of the Union, Blinken said the U.S. was working hard.", []string{"antony-blinken/indirect conduit:cnn org:us-state-department"}},
	{"ar coordinated verb", "ar", "واستقبل الرئيس المصري عبد الفتاح السيسي وزير الخارجية الأمريكي، وقال إن مصر ملتزمة بالسلام.", []string{"abdel-fattah-al-sisi/indirect"}},
	{"ar coordinated verb with its own subject", "ar", "وقصف الجيش الإسرائيلي مواقع في الجنوب، وقال مسؤول لبناني إن الغارات عنيفة.", []string{"=/indirect"}},
	{"en WHO in capitals", "en", "The WHO warned of a cholera outbreak in Sudan.", []string{"who/indirect"}},
	{"en who relative", "en", "Officials, who spoke to the press, said talks had stalled.", []string{"=/indirect"}},
	{"en headline present tense", "en", "Netanyahu vows to press on with Rafah offensive", []string{"benjamin-netanyahu/indirect"}},
	{"en who relative restrictive", "en", "Two officials who spoke to Reuters said talks had stalled.", []string{"=/indirect conduit:reuters"}},
	{"en the company is the firm", "en", "Boeing said it would plead guilty.\nThe company added that it had reached a deal.", []string{"=/indirect", "=/anaphora"}},
	{"en the bank is the central bank", "en", "The European Central Bank kept rates on hold.\nThe bank said inflation was falling.", []string{"ecb/anaphora"}},
	{"en headline source in a place", "en", "Blinken in Cairo: Ceasefire deal is within reach", []string{"antony-blinken/headline"}},
	{"en epithet of the last speaker", "en", "Vitali Klitschko said the city was hit.\nThe 53-year-old said dozens were injured.\nThe former boxer added that the metro was closed.", []string{"=/indirect", "=/anaphora", "=/anaphora"}},
	{"en former title is not an epithet", "en", "Vitali Klitschko said the city was hit.\nThe former minister said the plan would fail.", []string{"=/indirect", "=/indirect"}},
	{"en capital for its country", "en", "Tehran's foreign ministry denied the report.", []string{"iranian-foreign-ministry/indirect"}},
	{"en capital and a city office", "en", "Moscow's mayor said the metro was closed.", []string{"=/indirect"}},
	{"en coordinated verb", "en", "Zelensky thanked allies and said more air defence was needed.", []string{"volodymyr-zelensky/indirect"}},
	{"en coordinated verb unknown subject", "en", "The driver stopped the truck and said nothing had happened.", nil},
	{"en another title is another man", "en", "Antony Blinken said the U.S. was working hard.\nThe mayor said the city was prepared.", []string{"antony-blinken/indirect", "=/indirect"}},
	{"ar unknown platform", "ar", "وأفادت منصة \"إيكاد\" المتخصصة في التحقق بأن الصور مفبركة.", []string{"=/indirect"}},
	{"ar based on data keeps the speaker", "ar", "وذكر صندوق النقد الدولي، استنادا إلى بيانات منصة PortWatch التي تتتبع حركة السفن، أن العبور تراجع.", []string{"imf/indirect"}},
	{"ar according glued ma", "ar", "وحسبما أفادت وكالة الأنباء الرسمية، فإن الرئيس غادر البلاد.", []string{"=/according_to"}},
	{"ar the news are no one", "ar", "وأفادت الأنباء بأن الاجتماع تأجل، حسب مصادر مطلعة.", []string{"=/according_to"}},
	{"ar conduit sources spoke to", "ar", "وقالت مصادر دبلوماسية تحدثت إلى وكالة رويترز إن الاتفاق قريب.", []string{"=/indirect conduit:reuters"}},
	{"ar conduit after anonymity", "ar", "وقال مسؤول أمريكي طلب عدم نشر اسمه لوكالة أسوشيتد برس إن الضربة كانت محدودة.", []string{"=/indirect conduit:ap"}},
	{"ar conduit interview it held", "ar", "وقال وزير الخارجية الأميركي أنتوني بلينكن في مقابلة أجرتها معه قناة العربية إن الاتفاق قريب.", []string{"antony-blinken/indirect conduit:alarabiya org:us-state-department"}},
	{"ar conduit speaking to", "ar", "وقال مصدر مطلع، متحدثا إلى وكالة الأناضول، إن المحادثات مستمرة.", []string{"=/indirect conduit:anadolu"}},
	{"ar conduit type noun", "ar", "وقال مصدر أمني لوكالة فرانس برس إن الهجوم أسفر عن قتلى.", []string{"=/indirect conduit:afp"}},
	{"ar conduit interview", "ar", "وقال الرئيس التركي رجب طيب أردوغان في مقابلة مع قناة الجزيرة إن بلاده مستعدة للوساطة.", []string{"recep-tayyip-erdogan/indirect conduit:aljazeera"}},
	{"ar role then registered name", "ar", "وقال رئيس الحلف، ينس ستولتنبرغ، إن الحلف سيواصل دعم أوكرانيا.", []string{"jens-stoltenberg/indirect"}},
	{"ar role by date", "ar", "قال الأمين العام للأمم المتحدة إن الوضع كارثي.", []string{"antonio-guterres/indirect org:un"}},
	// Anaphora.
	{"ar anaphora agency", "ar", "وذكرت وكالة يونهاب أن الصاروخ سقط في البحر.\nوأضافت الوكالة أن اليابان احتجت.", []string{"yonhap/indirect", "yonhap/anaphora"}},
	{"ar anaphora statement", "ar", "وأصدر الجيش الإسرائيلي بيانا مساء الأحد.\nوقال البيان إن الغارة استهدفت مخزن أسلحة.", []string{"israeli-army/anaphora"}},
	// Spelling.
	{"ar typo variant", "ar", "وقالت صحيفة وال ستريت جورنال إن الصفقة ألغيت.", []string{"wsj/indirect"}},
	{"ar conjunction glued", "ar", "ونقلت رويترز وبلومبرغ ووول ستريت جورنال أن الصفقة ألغيت.", []string{"reuters/indirect"}},
	{"ar hamzaless", "ar", "واكدت وكالة الانباء السعودية ان الامير استقبل الوفد.", []string{"spa/indirect"}},
	{"ar name with an article it lacks", "ar", "وذكرت صحيفة النيويورك تايمز أن الإدارة تدرس الخيارات.", []string{"nyt/indirect"}},
	{"ar unknown outlet", "ar", "وذكرت صحيفة الغد الأردنية أن الحكومة سترفع الأسعار.", []string{"=/indirect"}},
	// Headlines and datelines.
	{"ar headline", "ar", "رويترز: المحادثات تتعثر", []string{"reuters/headline"}},
	{"ar headline source in a place", "ar", "بلينكن في القاهرة: نعمل على وقف إطلاق النار", []string{"antony-blinken/headline"}},
	{"ar headline place", "ar", "غزة: قصف متواصل على الشمال", nil},
	{"ar dateline", "ar", "القاهرة (رويترز) - ارتفعت أسعار الذهب اليوم.", []string{"reuters/dateline"}},
	// Traps.
	{"ar writer note", "ar", "ويذكر أن الحرب بدأت في أكتوبر.", nil},
	{"ar note jadeer", "ar", "والجدير بالذكر أن الاتفاق وقع عام 2020.", nil},
	{"ar forecast", "ar", "ومن المتوقع أن تبدأ المحادثات غدا.", nil},
	{"ar event", "ar", "وأعلنت شركة آبل عن إطلاق هاتف جديد.", nil},
	{"ar ordinary word", "ar", "وزار الرئيس الجزيرة العربية الأسبوع الماضي.", nil},
	{"ar no cue", "ar", "وارتفعت أسعار النفط بنسبة 3 بالمئة.", nil},
	{"ar passive", "ar", "وذُكر أن الاجتماع تأجل.", nil},

	// English: verbs and subjects.
	{"en reported that", "en", "Reuters reported on Tuesday that the talks had stalled.", []string{"reuters/indirect"}},
	{"en postposed", "en", "The talks will resume next week, Egypt's foreign ministry said.", []string{"egyptian-foreign-ministry/indirect"}},
	{"en postposed inverted", "en", "The ceasefire is holding, said the official, who spoke on condition of anonymity.", []string{"=/indirect"}},
	{"en quote first", "en", "\"We will not back down,\" Kremlin spokesman Dmitry Peskov told reporters.", []string{"dmitry-peskov/direct"}},
	{"en colon quote", "en", "Blinken said: \"We are closer than ever.\"", []string{"antony-blinken/direct"}},
	{"en adverbial first", "en", "In a statement, the White House said the president had been briefed.", []string{"white-house/indirect"}},
	{"en apposition", "en", "Ukraine's president, Volodymyr Zelensky, said Kyiv would not cede territory.", []string{"volodymyr-zelensky/indirect"}},
	{"en role", "en", "NATO chief Jens Stoltenberg said allies must do more.", []string{"jens-stoltenberg/indirect"}},
	{"en anonymous", "en", "People familiar with the matter said the deal could be announced this week.", []string{"=/indirect"}},
	{"en officials", "en", "U.S. officials said the strike targeted a weapons depot.", []string{"=/indirect"}},
	{"en spokesperson for", "en", "A spokesperson for the Kremlin said Putin had no plans to travel.", []string{"kremlin/indirect"}},
	{"en says", "en", "The Israeli military says it struck more than 50 targets.", []string{"israeli-army/indirect"}},
	{"en denied", "en", "Hamas denied that its fighters were involved.", []string{"hamas/indirect"}},
	// Continuations and anaphora.
	{"en pronoun", "en", "Reuters reported that the talks had stalled.\nIt said negotiators would meet again.", []string{"reuters/indirect", "reuters/continuation"}},
	{"en she added", "en", "Finance minister Rachel Reeves said taxes would rise.\nShe added that spending would be cut.", []string{"=/indirect", "=/continuation"}},
	{"en adding", "en", "The ministry said the attack was repelled, adding that three soldiers were wounded.", []string{"=/indirect", "=/continuation"}},
	{"en the agency", "en", "Xinhua said exports rose 5%.\nThe agency said imports fell.", []string{"xinhua/indirect", "xinhua/anaphora"}},
	// According to, chains, conduits.
	{"en according before", "en", "According to the United Nations, more than a million people have fled.", []string{"un/according_to"}},
	{"en according after", "en", "Prices rose 3%, according to a Reuters tally.", []string{"reuters/according_to"}},
	{"en citing", "en", "The New York Times, citing two U.S. officials, reported that the plan was approved.", []string{"nyt/indirect via:="}},
	{"en citing after", "en", "Israel is preparing a ground operation, Axios reported, citing two sources.", []string{"axios/indirect via:="}},
	{"en told", "en", "Sources told CNN that the meeting was cancelled.", []string{"=/indirect conduit:cnn"}},
	{"en told the", "en", "A senior official told the Associated Press that the talks had failed.", []string{"=/indirect conduit:ap"}},
	{"en typo", "en", "The Finacial Times reported that the bank would cut jobs.", []string{"ft/indirect"}},
	// Headlines, datelines, traps.
	{"en headline", "en", "Reuters: Oil hits two-year high", []string{"reuters/headline"}},
	{"en headline kicker", "en", "Analysis: Why oil keeps rising", nil},
	{"en dateline", "en", "MOSCOW (Reuters) - Russia's central bank raised interest rates on Friday.", []string{"reuters/dateline"}},
	{"en expected", "en", "The deal is expected to be signed on Friday.", nil},
	{"en it is believed", "en", "It is believed that the virus originated in bats.", nil},
	{"en event", "en", "The company announced a new product on Monday.", nil},
	{"en subordinate", "en", "Shares fell after the company reported weak sales.", nil},
	{"en no cue", "en", "The war began in February 2022.", nil},
	{"en heading question", "en", "What the treaty says", nil},

	// More phrasings, for breadth.
	{"en state media", "en", "North Korea fired two missiles on Thursday, state media reported.", []string{"=/indirect"}},
	{"en reuters witness", "en", "A Reuters witness said the building collapsed.", []string{"reuters/indirect"}},
	{"en he added quote", "en", "Putin said Russia was ready to talk.\n\"We have never refused,\" he added.", []string{"vladimir-putin/indirect", "vladimir-putin/continuation"}},
	{"en speaking apposition", "en", "Stoltenberg, speaking at a news conference in Brussels, said allies would send more air defence.", []string{"jens-stoltenberg/indirect"}},
	{"en wrote on", "en", "Zelensky wrote on Telegram that the attack killed five people.", []string{"volodymyr-zelensky/indirect"}},
	{"en two people told", "en", "Two people familiar with the talks told Bloomberg that a deal was close.", []string{"=/indirect conduit:bloomberg"}},
	{"en the report said", "en", "Amnesty International published a report on Tuesday.\nThe report said prisoners were tortured.", []string{"amnesty/anaphora"}},
	{"ar conduit li tatweel", "ar", "وقالت مصادر لـ\"العربي الجديد\" إن المفاوضات متعثرة.", []string{"=/indirect conduit:al-araby-al-jadeed"}},
	{"ar correspondent", "ar", "وأفاد مراسل الجزيرة بأن القصف تجدد.", []string{"aljazeera/indirect"}},
	{"ar report anaphora", "ar", "ونشرت منظمة العفو الدولية تقريرا جديدا.\nوأشار التقرير إلى أن السجناء تعرضوا للتعذيب.", []string{"amnesty/anaphora"}},
	{"ar warned min an", "ar", "وحذرت الأمم المتحدة من أن المجاعة باتت وشيكة.", []string{"un/indirect"}},
	{"ar sources definite", "ar", "وأفادت مصادر مطلعة بأن الوفد وصل.\nوأوضحت المصادر أن المحادثات ستبدأ غدا.", []string{"=/indirect", "=/anaphora"}},
	{"ar country subject", "ar", "وتقول إسرائيل إن الضربة استهدفت مسلحين.", []string{"=/indirect"}},
	{"en confirmed to", "en", "The ministry confirmed to Reuters that two soldiers were killed.", []string{"=/indirect conduit:reuters"}},
	{"en interview first", "en", "In an interview with the BBC, Starmer said taxes would not rise.", []string{"keir-starmer/indirect conduit:bbc"}},
	{"en un dotted", "en", "The U.N. said aid convoys were blocked.", []string{"un/indirect"}},
	{"en dateline em dash", "en", "LONDON, March 3 (AFP) — British inflation fell to 3%.", []string{"afp/dateline"}},
	{"en possessive office", "en", "Netanyahu's office said the delegation would travel to Cairo.", []string{"israeli-pm-office/indirect"}},
	{"ar according ma afadat bih", "ar", "وبحسب ما أفادت به وكالة الأنباء الفرنسية، فإن الاجتماع انتهى.", []string{"afp/according_to"}},
	{"ar dual", "ar", "وقال الوزيران في مؤتمر صحفي مشترك إن البلدين سيعززان التعاون.", []string{"=/indirect"}},
	{"ar imperfect feminine", "ar", "وتشير وزارة الصحة في غزة إلى أن عدد القتلى تجاوز 40 ألفا.", []string{"gaza-health-ministry/indirect"}},
	{"en lowercase ordinary word", "en", "An independent commission said the vote was fair.", []string{"=/indirect"}},
	{"en the group", "en", "Hamas said in a statement that talks had stalled.\nThe group added that it would not disarm.", []string{"hamas/indirect", "hamas/anaphora"}},
	{"ar praised", "ar", "وأشادت وزارة الخارجية القطرية بالاتفاق.", []string{"qatari-foreign-ministry/indirect"}},
	{"en said on", "en", "Blinken said on CNN that a deal was close.", []string{"antony-blinken/indirect conduit:cnn org:us-state-department"}},
	{"en citing first", "en", "Citing two U.S. officials, The New York Times reported that the plan was approved.", []string{"nyt/indirect via:="}},
	{"ar anaphora speaker not content", "ar", "وذكرت وكالة رويترز أن وكالة الأنباء السعودية نشرت الخبر.\nوقالت الوكالة إن المحادثات مستمرة.", []string{"reuters/indirect", "reuters/anaphora"}},
	{"ar according statement issued by", "ar", "وارتفع عدد القتلى إلى 12، وفقا لبيان صادر عن الجيش الإسرائيلي.", []string{"israeli-army/according_to"}},
	{"en the official", "en", "Israel's defence minister Yoav Gallant said the operation would continue.\nThe minister added that reservists would be called up.", []string{"yoav-gallant/indirect", "yoav-gallant/anaphora"}},
	{"en op-ed", "en", "Zelensky wrote in an op-ed in the Financial Times that Europe must act.", []string{"volodymyr-zelensky/indirect conduit:ft"}},
	{"ar title goes on", "ar", "وقال وزير الخارجية الأميركي أنتوني بلينكن إن الاتفاق قريب.\nوأضاف الوزير أن العقبات ما زالت قائمة.", []string{"antony-blinken/indirect", "antony-blinken/anaphora"}},
	{"ar quote paragraph after colon", "ar", "وقال وزير الخارجية الأميركي أنتوني بلينكن في مؤتمر صحفي:\n«لن نسمح بتوسع الحرب».", []string{"antony-blinken/direct", "antony-blinken/direct"}},
	{"en quote paragraph after colon", "en", "Blinken told reporters:\n\"We will not allow the war to spread.\"", []string{"antony-blinken/direct", "antony-blinken/direct"}},
	{"ar person in apposition", "ar", "وأكد الرئيس المصري عبد الفتاح السيسي، خلال لقائه وزير الخارجية الأميركي، أن مصر ترفض التهجير.", []string{"abdel-fattah-al-sisi/indirect"}},

	// The rules that make the annotator generalise, one fresh sentence each.
	{"ar conduit after source noun", "ar", "وقال محللون لوكالة بلومبرغ إن السوق متقلبة.", []string{"=/indirect conduit:bloomberg"}},
	{"ar kana qad time phrase", "ar", "وكانت صحيفة الغارديان قد ذكرت الأسبوع الماضي أن الحكومة تدرس الخطة.", []string{"guardian/indirect"}},
	{"ar participle not a name", "ar", "وقال بلينكن إن الاتفاق قريب.\nواستطرد قائلا إن العقبات كثيرة.", []string{"antony-blinken/indirect", "antony-blinken/continuation"}},
	{"ar glued dots", "ar", "وذكرت شبكة سي.إن.إن أن الاجتماع انتهى.", []string{"cnn/indirect"}},
	{"ar data noun according", "ar", "وارتفع عدد القتلى إلى 12، وفق إحصاء لوكالة رويترز.", []string{"reuters/according_to"}},
	{"ar role named holder", "ar", "وقال وزير الخارجية الإيراني عباس عراقجي إن طهران سترد.", []string{"abbas-araghchi/indirect"}},
	{"ar anaphora speaker's body", "ar", "وقال المدير العام لمنظمة الصحة العالمية تيدروس أدهانوم غيبريسوس إن الوضع خطير.\nوأضافت المنظمة أن الإمدادات نفدت.", []string{"tedros-adhanom-ghebreyesus/indirect", "who/anaphora"}},
	{"ar plural authorities not by kind", "ar", "وقالت وزارة الدفاع الروسية إن قواتها تقدمت.\nونقلت رويترز عن السلطات المحلية أن الكهرباء انقطعت.", []string{"russian-defence-ministry/indirect", "reuters/indirect via:="}},
	{"ar quote first", "ar", "«لن نتراجع»، قال نتنياهو في كلمة متلفزة.", []string{"benjamin-netanyahu/direct"}},
	{"ar quote first hakadha", "ar", "\"الحرب يجب أن تنتهي\"، هكذا قال غوتيريش.", []string{"antonio-guterres/direct"}},
	{"ar conduit opening sentence", "ar", "وفي حديث لقناة الجزيرة، قال مسؤول قطري إن الوساطة مستمرة.", []string{"=/indirect conduit:aljazeera"}},
	{"ar told bare outlet", "ar", "وأبلغ دبلوماسي غربي وكالة فرانس برس أن المحادثات تعثرت.", []string{"=/indirect conduit:afp"}},
	{"ar name apposition", "ar", "وقالت ليلى حسن، المتحدثة باسم الجمعية، إن المساعدات نفدت.", []string{"=/indirect"}},
	{"ar quote first unknown name", "ar", "«لا ماء ولا كهرباء»، تقول سعاد، وهي أم لخمسة أطفال.", []string{"=/direct"}},
	{"ar imperfect believe", "ar", "ويعتقد دبلوماسيون غربيون أن الاتفاق بات قريبا.", []string{"=/indirect"}},
	{"ar impersonal estimate", "ar", "ويقدر عدد السكان بنحو مليوني نسمة.", nil},
	{"ar namesake other country", "ar", "وذكرت صحيفة الوطن السورية أن الأسعار ارتفعت.", []string{"=/indirect"}},
	{"ar cue name with adjective", "ar", "وأكد البيان الختامي للقمة أن الحل السياسي هو الطريق.", nil},
	{"ar definite name and place", "ar", "وقال الدفاع المدني في غزة إن فرقه انتشلت جثثا.", []string{"=/indirect"}},
	{"ar amma fa", "ar", "أما الناطق باسم الحكومة فقال إن الخطة جاهزة.", []string{"=/indirect"}},
	{"ar subject first unknown name", "ar", "سعيد عبد الرحمن، وهو صاحب مخبز في حلب، قال إن الطحين نفد.", []string{"=/indirect"}},
	{"ar demand verb object", "ar", "يطالب المتظاهرين بالعودة إلى منازلهم.", nil},
	{"ar feminine title", "ar", "وقالت الأمينة العامة للمنظمة إن التمويل تراجع.", []string{"=/indirect"}},
	{"ar person noun conduit", "ar", "وقال سائق أجرة لرويترز إن الوقود نفد.", []string{"=/indirect conduit:reuters"}},
	{"en relative clause", "en", "Fars news agency, which is close to the Revolutionary Guards, said the vote would be repeated.", []string{"fars/indirect"}},
	{"en trailing attribution", "en", "Russia has asked Iran for more drones, The Wall Street Journal reported, citing officials.", []string{"wsj/indirect via:="}},
	{"en title abbreviations", "en", "Maj. Gen. Pat Ryder said the strikes were limited.", []string{"=/indirect"}},
	{"en chair title", "en", "Fed Chair Jerome Powell said rates would stay high.", []string{"=/indirect"}},
	{"en body negotiator", "en", "A European Union diplomat said the sanctions would be extended.", []string{"=/indirect org:european-union"}},
	{"en postposed not a clause", "en", "Another analyst, speaking on condition of anonymity, said the market was nervous.", []string{"=/indirect"}},
	{"en quote inside sentence", "en", "Kim called the deal a \"milestone\", KCNA reported.", []string{"kcna/indirect"}},
	{"en analysts at", "en", "Analysts at Capital Economics said growth would slow.\nThey said inflation would ease.", []string{"=/indirect", "=/continuation"}},
	{"en the witnesses", "en", "Witnesses said the blast was huge.\nThe witnesses said ambulances came.", []string{"=/indirect", "=/anaphora"}},
	{"en unregistered ministry anaphora", "en", "Lebanon's health ministry said 12 people were killed.\nThe ministry said 40 were wounded.", []string{"=/indirect", "=/anaphora"}},
	{"en longer outlet name", "en", "The Kyiv Independent reported that drones hit a depot.", []string{"=/indirect"}},
	{"en spokesman anaphora", "en", "Iran's foreign ministry spokesman said Tehran would respond.\nThe spokesman said the response would be measured.", []string{"iranian-foreign-ministry/indirect", "iranian-foreign-ministry/anaphora"}},
	{"en data showed", "en", "Data from the statistics office showed inflation at 2.4%.", []string{"=/indirect"}},
	{"en did not say", "en", "The ministry did not say when the talks would resume.", nil},
	{"en claims noun", "en", "Reuters could not verify the claims.", nil},
	{"en went according", "en", "Everything went according to plan.", nil},
	{"en standalone quote", "en", "\"We are ready,\" Zelensky said. \"We need air defence.\"", []string{"volodymyr-zelensky/direct", "volodymyr-zelensky/direct"}},
	{"en modifiers anaphora", "en", "Hezbollah said it fired rockets.\nThe Iran-backed group said the attack was retaliation.", []string{"hezbollah/indirect", "hezbollah/anaphora"}},
	{"en short name anaphora", "en", "The Washington Post reported the plan was delayed.\nThe Post said officials disagreed.", []string{"wapo/indirect", "wapo/anaphora"}},
	{"en carmaker unregistered", "en", "Toyota said sales rose.\nThe carmaker said demand was strong.", []string{"=/indirect", "=/anaphora"}},
	{"en he after surname", "en", "Smith said the plan would fail. He also warned that costs would rise.", []string{"=/indirect", "=/continuation"}},
	{"en surname of unregistered", "en", "The foreign minister, Ahmed Attaf, said Algeria rejected the plan.\nAttaf added that the region needed calm.", []string{"=/indirect", "=/indirect"}},
	{"en trailing predicted", "en", "Prices will rise next year, the central bank predicted.", []string{"=/indirect"}},
	{"en figures from", "en", "At least 20 people were killed, according to figures from the health ministry.", []string{"=/according_to"}},
	{"en reuters witness staff", "en", "A Reuters witness said the building collapsed.", []string{"reuters/indirect"}},
	{"en according to him", "en", "The governor said three people were killed.\nAccording to him, rescue work is under way.", []string{"=/indirect", "=/according_to"}},
	{"ar feminine official in a body named", "ar", "وقالت مسؤولة الإغاثة في الأمم المتحدة ماري دوبوا إن القوافل توقفت.", []string{"=/indirect"}},
	{"ar data noun unknown issuer", "ar", "وارتفع سعر الذهب إلى 2400 دولار، وفق بيانات بورصة دبي.", []string{"=/according_to"}},
	{"ar told an agency by its type noun", "ar", "وأبلغ دبلوماسي عربي وكالة رويترز أن الوفد غادر القاهرة.", []string{"=/indirect conduit:reuters"}},
	{"ar impersonal imperfect", "ar", "وقالت وزارة الدفاع الروسية إن القتال مستمر.\nويعتقد أن آلاف المدنيين نزحوا.", []string{"russian-defence-ministry/indirect"}},
	{"ar operations room", "ar", "وسيطرت الفصائل على بلدتين، وفقا لما أعلنته غرفة عمليات الفصائل.", []string{"=/according_to"}},
	{"ar traders as a source", "ar", "وتراجع الجنيه في السوق السوداء، بحسب متعاملين في القاهرة.", []string{"=/according_to"}},
	{"en qualified noun no company", "en", "Israel said the talks were over.\nInflation will ease next year, the central bank predicted.", []string{"=/indirect", "=/indirect"}},
	{"en statistics body showed", "en", "Data from the Central Bureau of Statistics showed exports fell 4%.", []string{"=/indirect"}},
	{"en told local media", "en", "The defence minister told local media that the army was ready.", []string{"=/indirect conduit:="}},
	{"en analysts quoted by", "en", "The drills were the largest this year, according to analysts quoted by Bloomberg.", []string{"=/according_to conduit:bloomberg"}},
	{"ar headline with conduit", "ar", "نتنياهو لرويترز: الحرب ستستمر", []string{"benjamin-netanyahu/headline conduit:reuters org:israeli-pm-office"}},
	{"ar headline quoted name", "ar", "\"أكسيوس\": واشنطن تضغط لإبرام صفقة", []string{"axios/headline"}},
	{"ar monarch title", "ar", "وشدد العاهل الأردني على ضرورة وقف إطلاق النار.", []string{"=/indirect"}},
	{"ar data published by", "ar", "وأظهرت بيانات رسمية نشرها البنك المركزي المصري أن التضخم تراجع.", []string{"=/indirect"}},
	{"ar statistics agency", "ar", "أظهرت بيانات الجهاز المركزي للإحصاء أن البطالة ارتفعت.", []string{"=/indirect"}},
	{"ar poll by an outlet", "ar", "وقال محللون استطلعت رويترز آراءهم إن الفائدة لن تتغير.", []string{"=/indirect conduit:reuters"}},
	{"ar agencies citing", "ar", "وقالت وكالات أنباء روسية نقلا عن مصدر في الكرملين إن الرئيس وصل.", []string{"=/indirect via:="}},
	{"ar acting governor", "ar", "وقال القائم بأعمال حاكم المنطقة إن القوات تقدمت.", []string{"=/indirect"}},
	{"ar attributed to", "ar", "وأرجعت الوزارة العجز إلى تراجع أسعار النفط.\nوعزا الوزير التراجع إلى الحرب.", []string{"=/indirect", "=/indirect"}},
	{"en office of a named premier", "en", "Israeli Prime Minister Benjamin Netanyahu's office said the cabinet met.", []string{"israeli-pm-office/indirect"}},
	{"en name as adjective", "en", "Hamas-run Gaza's health ministry said the toll had passed 40,000.", []string{"gaza-health-ministry/indirect"}},
	{"en added jobs", "en", "The U.S. economy added 254,000 jobs in September.", nil},
	{"en wrote a book", "en", "Smith wrote a book about the war in 2019.", nil},
	{"en added a clause", "en", "The minister added the talks would resume on Sunday.", []string{"=/indirect"}},
	{"en role named holder", "en", "Britain's foreign secretary David Lammy told parliament that sanctions would be tightened.", []string{"david-lammy/indirect"}},
	{"en the minister by title", "en", "Israeli Defence Minister Yoav Gallant said troops would stay.\nHamas official Osama Hamdan said the group rejected the plan.\nThe minister said pressure would continue.", []string{"yoav-gallant/indirect", "=/indirect", "yoav-gallant/anaphora"}},
	{"en another ministry", "en", "The health ministry said 20 people died.\nThe interior ministry said 50 were arrested.\nThe ministry said the curfew would continue.", []string{"=/indirect", "=/indirect", "=/anaphora"}},
	{"ar long venue after a name", "ar", "وقال سامح عبد الله خلال مؤتمر صحفي مشترك مع نظيره الفرنسي في باريس إن الاتفاق قريب.", []string{"=/indirect"}},
	{"en headline unnamed official", "en", "Israeli official: Response to Iran will be \"measured\"", []string{"=/headline"}},
	{"en headline sources", "en", "Sources: Talks on Gaza truce resume in Cairo", []string{"=/headline"}},
}

func describe(c Claim) string {
	s := c.Source.ID
	if s == "" {
		s = "="
	}
	s += "/" + string(c.Type)
	if len(c.Via) > 0 {
		s += " via:"
		var v []string
		for _, x := range c.Via {
			if x.ID == "" {
				v = append(v, "=")
			} else {
				v = append(v, x.ID)
			}
		}
		s += strings.Join(v, ",")
	}
	if c.Conduit != nil {
		if c.Conduit.ID == "" {
			s += " conduit:="
		} else {
			s += " conduit:" + c.Conduit.ID
		}
	}
	if c.Org != nil {
		s += " org:" + c.Org.ID
	}
	return s
}

// TestDetect runs detectCases. A want without a note ("reuters/indirect")
// ignores via, conduit and org; one with notes must match them all.
func TestDetect(t *testing.T) {
	a := defaultAnnotator(t)
	for _, tc := range detectCases {
		t.Run(tc.name, func(t *testing.T) {
			src := []byte(tc.text)
			in := &Input{File: "t.txt", Src: src, Lang: tc.lang, Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC),
				Blocks: FromText(src, textLines(src))}
			res, _ := a.Annotate(t.Context(), in)
			var got []string
			for _, c := range res.Claims {
				got = append(got, describe(c))
			}
			ok := len(got) == len(tc.want)
			for i := 0; ok && i < len(got); i++ {
				w := tc.want[i]
				g := got[i]
				if !strings.Contains(w, " ") {
					g, _, _ = strings.Cut(g, " ")
				}
				ok = g == w
			}
			if !ok {
				var detail []string
				for _, c := range res.Claims {
					detail = append(detail, fmt.Sprintf("%s %q", describe(c), c.Text))
				}
				t.Errorf("got  %q\nwant %q\n%s", got, tc.want, strings.Join(detail, "\n"))
			}
		})
	}
}

// onlyClaim annotates text, an Arabic passage dated 2024-06-20, and returns
// its claim; it reports an error and false unless there is exactly one.
func onlyClaim(t *testing.T, a *Annotator, text string) (*Claim, bool) {
	t.Helper()
	src := []byte(text)
	in := &Input{File: "t.txt", Src: src, Lang: "ar", Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC),
		Blocks: FromText(src, textLines(src))}
	res, _ := a.Annotate(t.Context(), in)
	if len(res.Claims) != 1 {
		t.Errorf("%s\n  %d claims, want 1", text, len(res.Claims))
		return nil, false
	}
	return &res.Claims[0], true
}

// TestUnknownSourceNames pins the name an unregistered source is given:
// it is what the editor copies into the registry, and what outlet pages
// list, so it must stop where the speaker ends.
func TestUnknownSourceNames(t *testing.T) {
	a := defaultAnnotator(t)
	for _, tc := range []struct{ text, name, conduit string }{
		{"ونفى مصدر دبلوماسي صحة تقارير تفيد بأن الاتفاق يشمل تبادل تقنيات حساسة.", "مصدر دبلوماسي", ""},
		{"ونفى المتحدث باسم وزارة الخارجية صحة تقارير تفيد بأن المفاوضات توقفت.", "المتحدث باسم وزارة الخارجية", ""},
		{"ونفى مسؤول أمني رفيع صحة ما تردد عن انسحاب القوات.", "مسؤول أمني رفيع", ""},
		{"ونفت الحكومة وجود أي بنود سرية في الاتفاق.", "الحكومة", ""},
		// al-Riyadh is a newspaper too; here it is the city.
		{"وقال مسؤول في الرياض لصحيفة وول ستريت جورنال إن المفاوضات دخلت مرحلة حاسمة.", "مسؤول في الرياض", "wsj"},
		{"وقال مسؤول في الرياض لشبكة سي إن إن إن الاتفاق قريب.", "مسؤول في الرياض", "cnn"},
		// A name closing a role is the person's, without the role.
		{"وقال وزير المالية المصري أحمد كجوك إن الاقتصاد يتعافى.", "أحمد كجوك", ""},
		{"وقال وزير الطاقة الإماراتي سهيل المزروعي إن السوق متوازنة.", "سهيل المزروعي", ""},
		{"وقال المتحدث باسم لجنة الانتخابات محسن إسلامي إن النتائج نهائية.", "محسن إسلامي", ""},
		{"وقال مدرب الأهلي السويسري مارسيل كولر للصحفيين عقب المباراة إن الفريق قدم أداء جيدا.", "مارسيل كولر", ""},
		{"وقالت المديرة التنفيذية للبرنامج سيندي ماكين إن المجاعة وقعت.", "سيندي ماكين", ""},
		{"وقال مسؤول أمريكي طلب عدم نشر اسمه إن الضربة كانت محدودة.", "مسؤول أمريكي", ""},
		// A role the lexicon lacks, then a name; a quoted name whole.
		{"وقالت المقررة الأممية فرانشيسكا ألبانيزي إن ما يحدث إبادة.", "فرانشيسكا ألبانيزي", ""},
		{"وقالت منظمة \"أنقذوا الأطفال\" إن آلاف الأطفال فقدوا.", "منظمة \"أنقذوا الأطفال\"", ""},
		{"ورحبت وزارة الخارجية الجنوب إفريقية بالقرار، وقالت إنه انتصار للقانون الدولي.", "وزارة الخارجية الجنوب إفريقية", ""},
		// Unnamed people go by where they are, not by where or when they
		// spoke.
		{"ويقول سكان في شمال قطاع غزة إنهم لم يتلقوا أي مساعدات.", "سكان في شمال قطاع غزة", ""},
		{"وقال مسؤول أمريكي في مؤتمر صحفي إن القوات جاهزة.", "مسؤول أمريكي", ""},
		{"وقال مسؤول في وقت سابق إن القوات جاهزة.", "مسؤول", ""},
		// The ل of the marker or of the conduit is not the name's.
		{"وارتفعت المبيعات 10 بالمئة، وفقا لشركة الأبحاث كاونتربوينت.", "شركة الأبحاث كاونتربوينت", ""},
		{"وأكدت مصادر دبلوماسية لـ\"الشرق الأوسط\" أن الاجتماع تأجل.", "مصادر دبلوماسية", "asharq-alawsat"},
	} {
		c, ok := onlyClaim(t, a, tc.text)
		if !ok {
			continue
		}
		conduit := ""
		if c.Conduit != nil {
			conduit = c.Conduit.ID
		}
		if c.Source.ID != "" || c.Source.Name != tc.name || conduit != tc.conduit || c.Org != nil {
			t.Errorf("%s\n  source %q (id %q), conduit %q, org %v; want %q, conduit %q, no org", tc.text, c.Source.Name, c.Source.ID, conduit, c.Org, tc.name, tc.conduit)
		}
	}
}

// TestTradedHamzaSeats checks that the seats Egyptian papers write (مسئول,
// مسئولون) are the words others write مسؤول and مسؤولون: the same kind of
// unnamed source, named as written.
func TestTradedHamzaSeats(t *testing.T) {
	a := defaultAnnotator(t)
	for _, tc := range []struct{ hamza, yeh string }{
		{"وقال مسؤول أمريكي لوكالة رويترز إن المحادثات توقفت.", "وقال مسئول أمريكي لوكالة رويترز إن المحادثات توقفت."},
		{"وأكد مسؤولون مصريون أن المعبر سيفتح غدا.", "وأكد مسئولون مصريون أن المعبر سيفتح غدا."},
	} {
		var got [2]*Claim
		for i, text := range []string{tc.hamza, tc.yeh} {
			c, ok := onlyClaim(t, a, text)
			if !ok {
				t.FailNow()
			}
			got[i] = c
		}
		h, y := got[0], got[1]
		wantName := strings.Replace(h.Source.Name, "مسؤول", "مسئول", 1)
		if h.Source.Kind != y.Source.Kind || y.Source.Name != wantName || (h.Conduit == nil) != (y.Conduit == nil) {
			t.Errorf("%s\n  source %q kind %v, conduit %v; with ؤ: %q kind %v, conduit %v", tc.yeh, y.Source.Name, y.Source.Kind, y.Conduit, h.Source.Name, h.Source.Kind, h.Conduit)
		}
	}
}

// TestUnnamedMembersOfBodies checks that "مسؤول في X" names unnamed people
// of the registered body X, as English's "an official at X" does: the
// source is the phrase as written, of X; a name that is also a place needs
// its type noun. The outlet they spoke to is the conduit, after a verb or
// an according-to marker.
func TestUnnamedMembersOfBodies(t *testing.T) {
	a := defaultAnnotator(t)
	for _, tc := range []struct{ text, name, org, conduit string }{
		{"وقال مسؤول في البنتاغون إن القوات جاهزة.", "مسؤول في البنتاغون", "pentagon", ""},
		{"وقال مسؤولون في حلف الناتو إن القمة ستعقد في موعدها.", "مسؤولون في حلف الناتو", "nato", ""},
		{"وقال مسؤول في صحيفة الرياض إن المفاوضات دخلت مرحلة حاسمة.", "مسؤول في صحيفة الرياض", "al-riyadh", ""},
		{"وقال مسؤول في وزارة الخارجية الأمريكية لرويترز إن واشنطن تتابع.", "مسؤول في وزارة الخارجية الأمريكية", "us-state-department", "reuters"},
		{"وقال مسؤول في الرياض لرويترز إن الاتفاق قريب.", "مسؤول في الرياض", "", "reuters"},
		// Not a person named after the body: the outlet spoken to.
		{"وقال مسؤولون في حلف الناتو لوكالة فرانس برس إن القمة ستعقد في موعدها.", "مسؤولون في حلف الناتو", "nato", "afp"},
		// According to, with whom the source spoke.
		{"وبحسب ما صرح به مسؤول غربي لصحيفة فايننشال تايمز، فإن الصفقة تشمل الغاز.", "مسؤول غربي", "", "ft"},
		{"وبحسب مصادر مطلعة تحدثت لوكالة رويترز، فإن الوفد غادر.", "مصادر مطلعة", "", "reuters"},
	} {
		c, ok := onlyClaim(t, a, tc.text)
		if !ok {
			continue
		}
		org, conduit := "", ""
		if c.Org != nil {
			org = c.Org.ID
		}
		if c.Conduit != nil {
			conduit = c.Conduit.ID
		}
		if c.Source.ID != "" || c.Source.Name != tc.name || org != tc.org || conduit != tc.conduit {
			t.Errorf("%s\n  source %q (id %q), org %q, conduit %q; want %q, org %q, conduit %q", tc.text, c.Source.Name, c.Source.ID, org, conduit, tc.name, tc.org, tc.conduit)
		}
	}
}

// TestUnknownSourceNamesEnglish is TestUnknownSourceNames for English:
// the name, without the description before it, particles kept.
func TestUnknownSourceNamesEnglish(t *testing.T) {
	a := defaultAnnotator(t)
	for _, tc := range []struct{ text, name string }{
		{"Spain coach Luis de la Fuente said the team was ready.", "Luis de la Fuente"},
		{"Hamas official Khalil al-Hayya said the group would not disarm.", "Khalil al-Hayya"},
		{"Israel's Central Bureau of Statistics said inflation rose.", "Central Bureau of Statistics"},
		{"Shipping giant Maersk said it would keep avoiding the Red Sea.", "Maersk"},
		{"Heavy shelling hit El Fasher overnight, according to the Sudan Tribune.", "Sudan Tribune"},
	} {
		src := []byte(tc.text)
		in := &Input{File: "t.txt", Src: src, Lang: "en", Date: time.Date(2024, 6, 20, 0, 0, 0, 0, time.UTC),
			Blocks: FromText(src, textLines(src))}
		res, _ := a.Annotate(t.Context(), in)
		if len(res.Claims) != 1 {
			t.Errorf("%s\n  %d claims, want 1", tc.text, len(res.Claims))
			continue
		}
		if c := res.Claims[0]; c.Source.ID != "" || c.Source.Name != tc.name {
			t.Errorf("%s\n  source %q (id %q), want %q", tc.text, c.Source.Name, c.Source.ID, tc.name)
		}
	}
}
