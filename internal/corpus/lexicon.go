package corpus

// A lexicon holds the phrases one language's articles are built from.
// Templates use {src} (an outlet as it appears after a reporting verb),
// {him} (an official by role), {day}, {place}, {topic}, {num}, {fact} and
// {fact2}.
type lexicon struct {
	topics, places, titles, headings []string
	writers                          []string
	sources                          []source
	officials, days, facts           []string
	// claims are sentences attributed to {src}; people to {him}.
	claims, people []string
	// contM and contF go on with the previous sentence's source, in the
	// masculine and the feminine.
	contM, contF []string
	// background sentences have no source at all.
	background []string
	quotes     []string
	tableHead  [2]string
}

// A source is an outlet as the text names it, with its registry id and
// host for citation markup, front matter "sources" and links.
type source struct {
	name, id, host string
	fem            bool // takes feminine verbs: وكالة, صحيفة, شبكة, قناة, هيئة
}

var arabic = &lexicon{
	topics:   []string{"الطاقة", "الاقتصاد", "الأمن", "الانتخابات", "المناخ", "الصحة", "الهجرة", "التجارة", "النفط", "الزراعة"},
	places:   []string{"القاهرة", "بغداد", "دمشق", "بيروت", "عمّان", "الرياض", "الدوحة", "الخرطوم", "طرابلس", "تونس", "الرباط", "غزة", "كييف", "موسكو", "بكين"},
	titles:   []string{"تطورات ملف %s في %s", "%s: قراءة في مواقف %s", "ماذا يعني اتفاق %s لـ%s؟", "أزمة %s تتصاعد في %s"},
	headings: []string{"ردود الفعل في %s", "الموقف الرسمي", "ما وراء الخبر", "خلفية", "الأرقام من %s"},
	writers:  []string{"نجيم", "سارة الخطيب", "محمد العلي", "ليلى حداد", "يوسف منصور"},
	sources: []source{
		{"وكالة رويترز", "reuters", "www.reuters.com", true},
		{"وكالة فرانس برس", "afp", "www.afp.com", true},
		{"وكالة أسوشيتد برس", "ap", "apnews.com", true},
		{"صحيفة وول ستريت جورنال الأميركية", "wsj", "www.wsj.com", true},
		{"صحيفة نيويورك تايمز", "nyt", "www.nytimes.com", true},
		{"شبكة سي إن إن", "cnn", "edition.cnn.com", true},
		{"قناة الجزيرة", "aljazeera", "www.aljazeera.net", true},
		{"وكالة الأناضول", "anadolu", "www.aa.com.tr", true},
		{"وكالة تاس الروسية", "tass", "tass.com", true},
		{"وكالة الأنباء المركزية الكورية", "kcna", "kcna.kp", true},
		{"صحيفة الشرق الأوسط", "asharq-alawsat", "aawsat.com", true},
		{"هيئة الإذاعة البريطانية", "bbc", "www.bbc.com", true},
		{"وكالة شينخوا", "xinhua", "www.xinhuanet.com", true},
		{"صحيفة فايننشال تايمز", "ft", "www.ft.com", true},
		{"وكالة بلومبرغ", "bloomberg", "www.bloomberg.com", true},
	},
	officials: []string{"المتحدث باسم وزارة الخارجية", "وزير الطاقة", "مصدر دبلوماسي", "مسؤول أمني رفيع", "رئيس الوزراء"},
	days:      []string{"الخميس", "الأربعاء", "الاثنين", "مساء الثلاثاء", "صباح الأحد", "أمس", "اليوم"},
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
	people: []string{
		"وقال {him} في {place}، {day}، إن {fact}.",
		"وأكد {him} أن {fact}.",
		"ونفى {him} صحة تقارير تفيد بأن {fact}.",
	},
	contM: []string{
		"وأضاف أن {fact}.",
		"وأوضح أن {fact2}.",
	},
	contF: []string{
		"وأضافت أن {fact}.",
		"وأوضحت الوكالة أن {fact2}.",
	},
	background: []string{
		"ويأتي ذلك في ظل أزمة {topic} التي تعصف بالمنطقة منذ أشهر.",
		"وتشهد {place} منذ أسابيع احتجاجات متفرقة.",
		"ويذكر أن ملف {topic} كان محور محادثات سابقة.",
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
	writers:  []string{"Jane Doe", "Omar Khalil", "Sara Haddad", "Tom Price", "Lina Aziz"},
	sources: []source{
		{"Reuters", "reuters", "www.reuters.com", false},
		{"Agence France-Presse", "afp", "www.afp.com", false},
		{"the Associated Press", "ap", "apnews.com", false},
		{"The Wall Street Journal", "wsj", "www.wsj.com", false},
		{"The New York Times", "nyt", "www.nytimes.com", false},
		{"CNN", "cnn", "edition.cnn.com", false},
		{"Al Jazeera", "aljazeera", "www.aljazeera.com", false},
		{"Anadolu Agency", "anadolu", "www.aa.com.tr", false},
		{"TASS", "tass", "tass.com", false},
		{"KCNA", "kcna", "kcna.kp", false},
		{"Asharq Al-Awsat", "asharq-alawsat", "english.aawsat.com", false},
		{"the BBC", "bbc", "www.bbc.com", false},
		{"Xinhua", "xinhua", "english.news.cn", false},
		{"the Financial Times", "ft", "www.ft.com", false},
		{"Bloomberg", "bloomberg", "www.bloomberg.com", false},
	},
	officials: []string{"a foreign ministry spokesman", "the energy minister", "a senior security official", "a diplomatic source", "the prime minister"},
	days:      []string{"on Thursday", "on Wednesday", "on Monday", "late on Tuesday", "early on Sunday", "yesterday", "today"},
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
	people: []string{
		"Speaking in {place} {day}, {him} said {fact}.",
		"{him} confirmed that {fact}.",
		"{him} denied that {fact}.",
	},
	contM: []string{
		"He added that {fact}.",
		"It also said {fact2}.",
	},
	contF: []string{
		"She added that {fact}.",
	},
	background: []string{
		"The {topic} crisis has gripped the region for months.",
		"{place} has seen scattered protests for weeks.",
		"The {topic} file was at the heart of earlier talks.",
	},
	quotes: []string{
		"\"{fact},\" {src} said.",
		"“{fact},” according to {src}.",
	},
	tableHead: [2]string{"City", "Count"},
}
