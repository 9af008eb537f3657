package corpus

// A lexicon holds the phrases one language's articles are built from.
// Claim templates use {src} (a source as it appears after a reporting verb),
// {day}, {place}, {topic}, {num} and {fact}.
type lexicon struct {
	topics, places, titles, headings []string
	sources, days, facts, claims     []string
	quotes                           []string
	tableHead                        [2]string
}

var arabic = &lexicon{
	topics:   []string{"الطاقة", "الاقتصاد", "الأمن", "الانتخابات", "المناخ", "الصحة", "الهجرة", "التجارة", "النفط", "الزراعة"},
	places:   []string{"القاهرة", "بغداد", "دمشق", "بيروت", "عمّان", "الرياض", "الدوحة", "الخرطوم", "طرابلس", "تونس", "الرباط", "غزة", "كييف", "موسكو", "بكين"},
	titles:   []string{"تطورات ملف %s في %s", "%s: قراءة في مواقف %s", "ماذا يعني اتفاق %s لـ%s؟", "أزمة %s تتصاعد في %s"},
	headings: []string{"ردود الفعل في %s", "الموقف الرسمي", "ما وراء الخبر", "خلفية", "الأرقام من %s"},
	sources: []string{
		"وكالة رويترز", "وكالة فرانس برس", "وكالة أسوشيتد برس", "صحيفة وول ستريت جورنال الأميركية",
		"صحيفة نيويورك تايمز", "شبكة سي إن إن", "قناة الجزيرة", "وكالة الأناضول", "وكالة تاس الروسية",
		"وكالة الأنباء المركزية الكورية", "صحيفة الشرق الأوسط", "هيئة الإذاعة البريطانية", "وكالة شينخوا",
		"صحيفة فايننشال تايمز", "وكالة بلومبرغ",
	},
	days: []string{"الخميس", "الأربعاء", "الاثنين", "مساء الثلاثاء", "صباح الأحد", "أمس", "اليوم"},
	facts: []string{
		"المفاوضات دخلت مرحلة حاسمة بعد أسابيع من الجمود",
		"الحكومة تعتزم رفع أسعار الوقود مطلع الشهر المقبل",
		"عدد النازحين تجاوز مليون شخص منذ بداية العام",
		"الاتفاق يشمل تبادل تقنيات حساسة بين البلدين",
		"الصادرات تراجعت بنسبة كبيرة خلال الربع الأخير",
		"الوفدين اتفقا على عقد جولة جديدة من المحادثات",
		"البنك المركزي قرر تثبيت سعر الفائدة",
		"القوات انسحبت من مواقع قرب الحدود",
		"الانتخابات ستجرى في موعدها رغم الاعتراضات",
		"الأمطار الغزيرة تسببت في أضرار واسعة بالمحاصيل",
	},
	claims: []string{
		"وذكرت {src}، {day}، أن {fact}.",
		"وقالت {src} إن {fact}، مضيفة أن الوضع في {place} لا يزال هشا.",
		"ونقلت {src}، في تقرير لها عن مسؤولين، أن {fact}.",
		"وبحسب {src}، فإن {fact}.",
		"وأشارت {src} إلى أن {fact}، وفق ما أوردته وسائل إعلام محلية.",
		"وأفادت {src} بأن {num} شخصا على الأقل تأثروا بأزمة {topic} في {place}.",
		"وقال مسؤول في {place} لـ{src} إن {fact}.",
		"وأكدت {src} أن {fact}، مشيرة إلى أن {fact2}.",
	},
	quotes: []string{
		"«{fact}»، كما قالت {src}.",
		"“{fact}”، بحسب {src}.",
	},
	tableHead: [2]string{"المدينة", "العدد"},
}

var english = &lexicon{
	topics:   []string{"energy", "economy", "security", "elections", "climate", "health", "migration", "trade", "oil", "farming"},
	places:   []string{"Cairo", "Baghdad", "Damascus", "Beirut", "Amman", "Riyadh", "Doha", "Khartoum", "Tripoli", "Tunis", "Rabat", "Gaza", "Kyiv", "Moscow", "Beijing"},
	titles:   []string{"The %s file in %s", "%s: reading the positions of %s", "What the %s deal means for %s", "%s crisis deepens in %s"},
	headings: []string{"Reactions in %s", "The official line", "Behind the news", "Background", "The numbers from %s"},
	sources: []string{
		"Reuters", "Agence France-Presse", "the Associated Press", "The Wall Street Journal",
		"The New York Times", "CNN", "Al Jazeera", "Anadolu Agency", "TASS", "KCNA",
		"Asharq Al-Awsat", "the BBC", "Xinhua", "the Financial Times", "Bloomberg",
	},
	days: []string{"on Thursday", "on Wednesday", "on Monday", "late on Tuesday", "early on Sunday", "yesterday", "today"},
	facts: []string{
		"the talks had entered a decisive phase after weeks of deadlock",
		"the government intends to raise fuel prices early next month",
		"the number of displaced people has passed one million since January",
		"the agreement covers the exchange of sensitive technology",
		"exports fell sharply in the last quarter",
		"both delegations agreed to hold a new round of talks",
		"the central bank decided to keep interest rates unchanged",
		"troops withdrew from positions near the border",
		"the election will go ahead on schedule despite objections",
		"heavy rain caused widespread damage to crops",
	},
	claims: []string{
		"{src} reported {day} that {fact}.",
		"{src} said {fact}, adding that the situation in {place} remained fragile.",
		"{src}, citing officials, reported that {fact}.",
		"According to {src}, {fact}.",
		"{fact}, {src} said.",
		"At least {num} people were affected by the {topic} crisis in {place}, {src} reported.",
		"An official in {place} told {src} that {fact}.",
		"{src} confirmed that {fact}, noting that {fact2}.",
	},
	quotes: []string{
		"\"{fact},\" {src} said.",
		"“{fact},” according to {src}.",
	},
	tableHead: [2]string{"City", "Count"},
}
