package annotate

import (
	"strings"

	"github.com/isnad/isnad/internal/fold"
)

// verbClass groups reporting verbs by what they need to count as a cue.
type verbClass uint8

const (
	vSay      verbClass = iota // قال, said: a clause, a colon or a quote follows
	vAnnounce                  // أعلن, announced: "أعلن عن + noun" is an event, not a claim
	vMedium                    // نشر, بث, published: only with an outlet as subject
	vCarry                     // نقل: "نقلت X عن Y" is a chain
	vAdd                       // أضاف, تابع, added: the previous source goes on
	vTell                      // أبلغ, told: the object is a conduit
	vBelieve                   // اعتبر, رأى, توقع: opinion of a named source
	vShow                      // showed, found: what data or a study shows, said of its issuer
)

// A verb is one inflected form of a reporting verb.
type verb struct {
	class  verbClass
	gender byte // 'm', 'f', or 'p' for plural and dual
	deny   bool // نفى, denied
	imperf bool // يقول, تقول: present tense
	en     bool
}

// lexicon holds every cue word, folded (fold.Loose), compiled once.
type lexicon struct {
	verbs        map[string]verb
	participles  map[string]byte       // مضيفا → 'm', مضيفه → 'f'
	according    map[string]int        // "بحسب" → 1; multi-word markers by first word
	accordingSeq map[string][][]string // first word → the rest of each multi-word marker
	comp         map[string]bool       // complementisers: ان, بان, انه
	timeWords    map[string]bool       // الخميس, امس, اليوم
	timeNouns    map[string]bool       // الشهر, الاسبوع: with a modifier, a time phrase
	timeMods     map[string]bool       // الماضي, المقبل, سابق
	months       map[string]bool       // يناير, كانون
	typeNouns    map[string]typeNoun   // صحيفه → newspaper
	sourceNouns  map[string]sourceNoun // مسوول → anonymous/official
	notes        [][]string            // writer's notes: ويذكر ان, الجدير بالذكر
	forecasts    [][]string            // من المتوقع ان
	conjunctions map[string]bool       // words a clause may start with before its verb
	quantity     map[string]bool       // ثلاثة, عدة, several: before a source noun
	docNouns     map[string]bool       // البيان, التقرير: stand for the body that issued them
	dataNouns    map[string]bool       // تقديرات, أرقام: "بحسب تقديرات X"
	quoteSuffix  map[string]bool       // قوله: "نقلت عن X قوله إن"
	notSource    map[string]bool       // definite nouns that report things but never speak: النتائج
	words        map[string]bool       // every noun above, for isWord
	seqFirst     map[string]bool       // first words of notes and forecasts
	accFirst     map[string]bool       // first words of according-to markers, و/ف included
	venues       map[string]bool       // بيان, تصريح, تقرير: "في بيان لها"
	enVerbs      map[string]verb       // said, told, reported
	enPronouns   map[string]byte       // he → 'm'
	enSourceHead map[string]sourceNoun // official, spokesman
	enTypeNouns  map[string]typeNoun   // agency, paper
	enPart       map[string]bool       // adding, saying, noting
	stopAfterSub map[string]bool       // words that end a subject: في, عن, ل...
	objects      map[string]bool       // nouns that start the object of a denial: "نفى مصدر صحة تقارير"
	nisba        func(string) bool     // a relative adjective: الاميركيه
	countryNisba map[string]string     // السوريه → SY: an adjective of origin
	enAbbrev     map[string]bool       // abbreviations whose dot does not end a sentence
	enTitleAbbr  map[string]bool       // abbreviated titles, always before a name: Gen., Maj., Dr.
	enLower      map[string]bool       // lower-case words allowed inside a proper name: of, the, for
}

// A typeNoun is a noun naming a kind of source: "صحيفة", "the agency".
type typeNoun struct {
	kinds []string // outlet kinds it may refer to
}

// A sourceNoun heads an unnamed or unregistered source: "مسؤول",
// "officials", "a spokesman".
type sourceNoun struct {
	kind   string // anonymous, official, person
	gender byte
}

func keys(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[fold.LooseString(w)] = true
	}
	return m
}

func seqs(phrases ...string) [][]string {
	out := make([][]string, len(phrases))
	for i, p := range phrases {
		out[i] = strings.Fields(fold.LooseString(p))
	}
	return out
}

// arVerb adds the inflections of an Arabic reporting verb: the perfect 3ms
// form, its 3fs form, plural and dual, and the imperfect forms.
func (l *lexicon) arVerb(class verbClass, deny bool, m, f, pl string, imperfect ...string) {
	add := func(w string, g byte, imperf bool) {
		if w == "" {
			return
		}
		l.verbs[fold.LooseString(w)] = verb{class: class, gender: g, deny: deny, imperf: imperf}
	}
	add(m, 'm', false)
	add(f, 'f', false)
	add(pl, 'p', false)
	if pl != "" && strings.HasSuffix(pl, "وا") {
		add(strings.TrimSuffix(pl, "وا")+"ا", 'p', false) // dual: قالا
	}
	if f != "" {
		add(f+"ا", 'p', false) // dual feminine: قالتا
	}
	for _, w := range imperfect {
		g := byte('m')
		if strings.HasPrefix(w, "ت") {
			g = 'f'
		}
		if strings.HasSuffix(w, "ون") {
			g = 'p'
		}
		add(w, g, true)
	}
}

func newLexicon() *lexicon {
	l := &lexicon{verbs: map[string]verb{}, enVerbs: map[string]verb{}}
	v := l.arVerb
	v(vSay, false, "قال", "قالت", "قالوا", "يقول", "تقول", "يقولون")
	v(vSay, false, "ذكر", "ذكرت", "ذكروا", "تذكر")
	v(vSay, false, "أفاد", "أفادت", "أفادوا", "يفيد", "تفيد")
	v(vCarry, false, "نقل", "نقلت", "نقلوا")
	v(vCarry, false, "نسب", "نسبت", "نسبوا") // "نسبت الصحيفة إلى مسؤول قوله"
	v(vSay, false, "أشار", "أشارت", "أشاروا", "يشير", "تشير")
	v(vSay, false, "أوضح", "أوضحت", "أوضحوا", "يوضح", "توضح")
	v(vSay, false, "أكد", "أكدت", "أكدوا", "يؤكد", "تؤكد", "يؤكدون")
	v(vAnnounce, false, "أعلن", "أعلنت", "أعلنوا")
	v(vSay, false, "كشف", "كشفت", "كشفوا")
	v(vSay, false, "صرح", "صرحت", "صرحوا")
	v(vAdd, false, "أضاف", "أضافت", "أضافوا", "يضيف", "تضيف")
	v(vAdd, false, "تابع", "تابعت", "تابعوا")
	v(vAdd, false, "أردف", "أردفت", "أردفوا")
	v(vAdd, false, "استطرد", "استطردت", "")
	v(vAdd, false, "ختم", "ختمت", "")
	v(vAdd, false, "اختتم", "اختتمت", "")
	v(vSay, false, "لفت", "لفتت", "لفتوا")
	v(vSay, false, "نوه", "نوهت", "نوهوا")
	v(vSay, false, "شدد", "شددت", "شددوا")
	v(vSay, false, "حذر", "حذرت", "حذروا")
	v(vSay, false, "طالب", "طالبت", "طالبوا")
	v(vSay, false, "دعا", "دعت", "دعوا")
	v(vSay, true, "نفى", "نفت", "نفوا")
	v(vBelieve, false, "اعتبر", "اعتبرت", "اعتبروا")
	v(vBelieve, false, "رأى", "رأت", "رأوا", "يرى", "ترى", "يرون")
	v(vBelieve, false, "رجح", "رجحت", "رجحوا")
	v(vBelieve, false, "توقع", "توقعت", "توقعوا")
	v(vSay, false, "أعرب", "أعربت", "أعربوا")
	v(vSay, false, "زعم", "زعمت", "زعموا")
	v(vSay, false, "ادعى", "ادعت", "ادعوا")
	v(vSay, false, "اعترف", "اعترفت", "اعترفوا")
	v(vSay, false, "أقر", "أقرت", "أقروا")
	v(vSay, false, "أورد", "أوردت", "")
	v(vMedium, false, "بث", "بثت", "")
	v(vMedium, false, "نشر", "نشرت", "")
	v(vSay, false, "كتب", "كتبت", "كتبوا")
	v(vSay, false, "غرد", "غردت", "غردوا")
	v(vTell, false, "أبلغ", "أبلغت", "أبلغوا")
	v(vTell, false, "أخبر", "أخبرت", "أخبروا")
	v(vSay, false, "بينت", "", "")
	v(vSay, false, "أوردت", "", "")
	v(vSay, false, "حذرت", "", "")
	v(vSay, false, "روى", "روت", "رووا")
	v(vSay, false, "رد", "ردت", "")
	v(vSay, false, "أبدى", "أبدت", "")
	v(vSay, false, "أقر", "أقرت", "")
	v(vSay, false, "وصف", "وصفت", "وصفوا")
	v(vSay, false, "اتهم", "اتهمت", "اتهموا")
	v(vSay, false, "هدد", "هددت", "هددوا")
	v(vSay, false, "رحب", "رحبت", "رحبوا")
	v(vSay, false, "ندد", "نددت", "نددوا")
	v(vSay, false, "أدان", "أدانت", "أدانوا")
	v(vSay, false, "انتقد", "انتقدت", "انتقدوا")
	v(vSay, false, "اتهم", "اتهمت", "اتهموا")
	v(vSay, false, "حث", "حثت", "حثوا")
	v(vSay, false, "أعرب", "أعربت", "أعربوا")
	v(vSay, false, "أفصح", "أفصحت", "")
	v(vSay, false, "قدر", "قدرت", "قدروا")
	v(vSay, false, "أظهر", "أظهرت", "")
	v(vSay, false, "يقولون", "", "")
	v(vSay, false, "أشاد", "أشادت", "أشادوا")
	v(vSay, false, "استبعد", "استبعدت", "استبعدوا")
	v(vSay, false, "توعد", "توعدت", "توعدوا")
	v(vSay, false, "جدد", "جددت", "جددوا")
	v(vSay, false, "تعهد", "تعهدت", "تعهدوا")
	v(vSay, false, "ناشد", "ناشدت", "ناشدوا")
	v(vSay, false, "استنكر", "استنكرت", "استنكروا")
	v(vSay, false, "قلل", "قللت", "قللوا")
	v(vAdd, false, "استدرك", "استدركت", "")
	v(vAdd, false, "مضى", "مضت", "مضوا")
	v(vAdd, false, "زاد", "زادت", "")
	v(vSay, false, "شدد", "شددت", "شددوا", "يشدد", "تشدد")
	v(vSay, false, "يؤكد", "", "", "يؤكد")
	v(vSay, false, "يرى", "", "", "يرى", "ترى")
	// Imperfect forms of the verbs above ("يذكر" is left out: "ويذكر
	// أن" is the writer's note).
	imp := func(class verbClass, deny bool, forms ...string) {
		for _, w := range forms {
			g := byte('m')
			switch {
			case strings.HasSuffix(w, "ون"):
				g = 'p'
			case strings.HasPrefix(w, "ت"):
				g = 'f'
			}
			l.verbs[fold.LooseString(w)] = verb{class: class, gender: g, deny: deny, imperf: true}
		}
	}
	imp(vSay, false, "يفيدون", "يشيرون", "يوضحون", "يكشف", "تكشف", "يكشفون", "يصرح", "تصرح", "يلفت", "تلفت", "يحذر", "تحذر", "يحذرون",
		"يطالب", "تطالب", "يطالبون", "يدعو", "تدعو", "يدعون", "يزعم", "تزعم", "يزعمون", "يدعي", "تدعي", "يعترف", "تعترف", "يقر", "تقر",
		"يتهم", "تتهم", "يتهمون", "ينتقد", "تنتقد", "يصف", "تصف", "يكتب", "تكتب", "يروي", "تروي", "يستبعد", "تستبعد",
		"يستبعدون", "يتعهد", "تتعهد", "يجدد", "تجدد", "ينوه", "تنوه", "يبين", "تبين", "يعرب", "تعرب", "يشددون", "يحذرون", "يرد", "ترد", "يذكرون")
	imp(vSay, true, "ينفي", "تنفي", "ينفون")
	imp(vCarry, false, "ينقل", "تنقل", "ينقلون")
	imp(vAdd, false, "يتابع", "تتابع", "يستطرد", "تستطرد")
	imp(vBelieve, false, "يعتبر", "تعتبر", "يعتبرون", "يرجح", "ترجح", "يرجحون", "يتوقع", "تتوقع", "يتوقعون", "يعتقد", "تعتقد", "يعتقدون",
		"يرون", "يظن", "تظن", "يخشى", "تخشى", "يخشون")
	v(vBelieve, false, "اعتقد", "اعتقدت", "اعتقدوا")
	v(vBelieve, false, "ظن", "ظنت", "ظنوا")
	v(vBelieve, false, "خشي", "خشيت", "خشوا")
	v(vSay, false, "أوضح", "أوضحت", "أوضحوا")
	v(vSay, false, "أفاد", "أفادت", "أفادوا")
	v(vSay, false, "بين", "بينت", "بينوا")
	v(vSay, false, "وعد", "وعدت", "وعدوا")
	v(vSay, false, "اشترط", "اشترطت", "اشترطوا")
	v(vSay, false, "أفتى", "أفتت", "")
	v(vSay, false, "تساءل", "تساءلت", "تساءلوا")
	v(vSay, false, "أجاب", "أجابت", "أجابوا")
	v(vSay, false, "استدل", "استدلت", "")
	v(vSay, false, "ألمح", "ألمحت", "ألمحوا")
	v(vSay, false, "اقترح", "اقترحت", "اقترحوا")
	v(vSay, false, "نبه", "نبهت", "نبهوا")
	v(vSay, false, "أرجع", "أرجعت", "أرجعوا")
	v(vSay, false, "عزا", "عزت", "عزوا")
	v(vSay, false, "أشار", "أشارت", "أشاروا")

	// Duals that are other words: "نقلا عن" is "citing".
	delete(l.verbs, fold.LooseString("نقلا"))
	delete(l.verbs, fold.LooseString("ذكرا"))

	l.participles = map[string]byte{}
	for _, p := range []string{"مضيفا", "مشيرا", "قائلا", "مؤكدا", "موضحا", "لافتا", "محذرا", "مشددا",
		"معتبرا", "منوها", "معربا", "متابعا", "مستدركا", "نافيا", "مبينا", "مردفا", "مطالبا", "داعيا", "كاشفا", "مبديا", "واصفا", "متهما", "مذكرا", "معلنا", "مستطردا", "ذاكرا", "مختتما", "خاتما"} {
		k := fold.LooseString(p)
		l.participles[k] = 'm'
		base := strings.TrimSuffix(k, "ا")
		l.participles[base+"ه"] = 'f'                   // مضيفة
		l.participles[base+"ين"] = 'p'                  // مضيفين
		l.participles[base+"تين"] = 'p'                 // ...
		l.participles[base+"ات"] = 'p'                  // مضيفات
		l.participles[strings.TrimSuffix(k, "ا")] = 'm' // مضيف (no tanwin alef)
	}

	l.according = map[string]int{}
	l.accordingSeq = map[string][][]string{}
	for _, p := range []string{
		"بحسب", "حسب", "حسبما", "وفق", "وفقا ل", "وفقا لما", "طبقا ل", "طبقا لما", "استنادا الى", "استنادا ل",
		"نقلا عن", "على لسان", "على حد قول", "على حد تعبير", "بحسب ما", "حسب ما", "وفق ما", "وفقا", "طبقا",
		// "وجاء في بيان للجيش أن": what a document says, opening a
		// sentence (see cameIn).
		"جاء في", "ورد في",
	} {
		w := strings.Fields(fold.LooseString(p))
		if len(w) == 1 {
			l.according[w[0]] = 1
			continue
		}
		l.accordingSeq[w[0]] = append(l.accordingSeq[w[0]], w[1:])
	}

	l.comp = keys("أن", "إن", "بأن", "انه", "أنه", "إنه", "أنها", "إنها", "بأنه", "بأنها", "أنهم", "إنهم", "بأنهم", "أنّ", "إنّ", "بأنّ")
	l.timeWords = keys("اليوم", "أمس", "غدا", "الأحد", "الاثنين", "الإثنين", "الثلاثاء", "الأربعاء", "الخميس", "الجمعة", "السبت",
		"صباح", "مساء", "ظهر", "فجر", "ليل", "ليلة", "يوم", "أيضا", "كذلك", "بدوره", "بدورها",
		"مؤخرا", "لاحقا", "سابقا", "حينها", "مجددا", "رسميا", "صباحا", "مساء", "الليلة")
	l.timeNouns = keys("الشهر", "الأسبوع", "العام", "السنة", "اليوم", "الليلة", "الصباح", "المساء", "الأسابيع", "الأيام", "الأشهر",
		"الشهور", "الأعوام", "السنوات", "الساعات", "العقد", "الربع", "الفصل", "الموسم")
	l.timeMods = keys("الماضي", "الماضية", "الجاري", "الجارية", "الحالي", "الحالية", "المقبل", "المقبلة", "المنصرم", "المنصرمة",
		"السابق", "السابقة", "الفائت", "الفائتة", "القادم", "القادمة", "الأخير", "الأخيرة", "الأخيرين", "نفسه", "نفسها",
		"سابق", "لاحق", "متأخر", "مبكر")
	l.months = keys("يناير", "فبراير", "مارس", "أبريل", "مايو", "يونيو", "يوليو", "أغسطس", "سبتمبر", "أكتوبر", "نوفمبر", "ديسمبر",
		"كانون", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز", "آب", "أيلول")
	l.quantity = keys("ثلاثة", "ثلاث", "أربعة", "أربع", "خمسة", "خمس", "ستة", "سبعة", "عشرة", "عدة", "بعض", "أحد", "إحدى",
		"اثنين", "اثنان", "عدد", "كبار", "كبير", "مجموعة", "عشرات", "مئات", "two", "three", "four", "five", "several", "some", "many", "a", "an", "one")
	l.docNouns = keys("البيان", "التقرير", "الرسالة", "الإعلان", "التصريح", "المذكرة", "الوثيقة", "الدراسة", "المسح")
	l.dataNouns = keys("تقديرات", "أرقام", "إحصاءات", "إحصائيات", "بيانات", "معطيات", "تقرير", "تقارير", "بيان", "تصريحات", "مصادر", "معلومات", "نتائج", "دراسة", "استطلاع", "مسح", "تحليل", "وثائق",
		"توقعات", "حصيلة", "رصد", "إحصاء", "حسابات", "تقييم", "تقييمات", "استطلاعات", "تحقيق", "تحقيقات", "رواية", "وثيقة",
		"صور", "لقطات", "مقاطع", "بيانات", "سجلات", "خريطة", "خرائط", "إفادة", "إفادات", "شهادة", "شهادات", "تصريح", "حديث", "مقابلة", "تغريدة", "منشور", "رسالة", "مذكرة", "إعلان", "قرار", "تعداد", "تصنيف", "مؤشر", "مؤشرات", "معلومات")
	l.quoteSuffix = keys("قوله", "قولها", "قولهم", "قولهما", "القول")
	l.notSource = keys("النتائج", "الأرقام", "البيانات", "المعطيات", "الإحصاءات", "التقديرات", "الدراسة", "الأدلة", "الوقائع",
		"التجربة", "الأحداث", "الصور", "المؤشرات", "التوقعات", "الظروف", "الأوضاع", "المعلومات", "الوثائق", "التحقيقات", "الأبحاث",
		"الحقيقة", "الحقائق", "التقارير", "الأنباء", "الأخبار", "الاتفاق", "الخطة", "القرار", "القانون", "المبادرة", "التطورات", "الحرب", "الأزمة")
	l.typeNouns = map[string]typeNoun{}
	tn := func(kinds []string, words ...string) {
		for _, w := range words {
			l.typeNouns[fold.LooseString(w)] = typeNoun{kinds: kinds}
		}
	}
	tn([]string{"newspaper"}, "صحيفة", "جريدة", "يومية", "صحف")
	tn([]string{"agency"}, "وكالة", "وكالة أنباء", "وكالة الأنباء", "وكالات")
	tn([]string{"broadcaster"}, "شبكة", "قناة", "تلفزيون", "إذاعة", "محطة", "هيئة الإذاعة")
	tn([]string{"magazine"}, "مجلة", "دورية", "أسبوعية")
	tn([]string{"website"}, "موقع", "منصة", "مدونة")
	tn([]string{"official"}, "وزارة", "حكومة", "رئاسة", "مكتب", "جيش", "حلف", "مجلس", "منظمة", "هيئة", "مفوضية", "البيت الأبيض", "الكرملين",
		"لجنة", "سفارة", "قيادة", "جهاز", "شرطة", "محكمة", "برلمان", "رئاسة", "بلدية", "مرصد", "جامعة", "إدارة", "سلطة", "سلطات", "مديرية", "دائرة", "بنك", "مصرف", "صندوق", "برنامج", "مفوضية", "وكالة الفضاء", "قوات", "خارجية")
	tn([]string{"organization"}, "شركة", "تنظيم", "حركة", "جماعة", "حزب", "منظمة", "مؤسسة", "جمعية", "اتحاد", "نقابة", "مجموعة", "تحالف", "ائتلاف", "مركز", "معهد", "هيئة",
		"غرفة", "بورصة", "فصائل", "فصيل", "لجان", "تنسيقية", "رابطة", "كتلة", "جبهة", "ميليشيا", "كتائب", "سرايا")

	l.sourceNouns = map[string]sourceNoun{}
	sn := func(kind string, g byte, words ...string) {
		for _, w := range words {
			l.sourceNouns[fold.LooseString(w)] = sourceNoun{kind: kind, gender: g}
		}
	}
	sn("anonymous", 'm', "مسؤول", "مصدر", "دبلوماسي", "مسؤولا", "شخص", "مصدرا", "ضابط", "عضو", "موظف", "شاهد")
	sn("anonymous", 'f', "مسؤولة", "دبلوماسية", "ضابطة", "عضوة", "شاهدة")
	sn("official", 'm', "متحدثا", "ناطقا")
	sn("anonymous", 'p', "مسؤولون", "مسؤولين", "مصادر", "دبلوماسيون", "دبلوماسيين", "شهود", "سكان", "ناشطون", "ناشطين",
		"محللون", "محللين", "خبراء", "مراقبون", "مراقبين", "مسعفون", "مسعفين", "أطباء", "تقارير", "وسائل", "أوساط", "جهات",
		"عناصر", "قادة", "أشخاص", "مصدرين", "مسؤولَين", "مسؤولان", "مصدران", "ضباط", "موظفون", "موظفين", "نشطاء", "عمال", "أعضاء", "متحدثون", "باحثون", "باحثين", "علماء", "اقتصاديون", "اقتصاديين", "معارضون",
		"وزيران", "وزراء", "قائدان", "رئيسان", "زعيمان", "سفيران", "مبعوثان", "دبلوماسيان", "مصادران",
		"شاهدان", "شاهدين", "ضابطان", "طبيبان", "صحفيان", "ناشطان", "محللان", "خبيران", "مسؤولين اثنين")
	sn("official", 'm', "القائم", "عاهل", "سلطان", "متحدث", "ناطق", "وزير", "سفير", "قائد", "رئيس", "مدير", "نائب", "مستشار", "مبعوث", "مندوب",
		"محافظ", "حاكم", "زعيم", "أمين", "محلل", "خبير", "مراسل", "قيادي", "ممثل", "مفوض", "منسق", "عميد", "لواء", "عقيد",
		"جنرال", "أدميرال", "مساعد", "كبير", "رئيس الوزراء", "قاضي", "القاضي", "نائب", "مرشح", "باحث", "أستاذ", "اقتصادي", "مؤسس", "عمدة", "النائب", "الرئيس التنفيذي")
	sn("person", 'm', "الشيخ", "الأمير", "الملك", "الدكتور", "الأستاذ", "السيد", "المهندس", "الناشط", "الكاتب", "الصحفي",
		"الصحافي", "المحامي", "الطبيب", "الأكاديمي", "البروفيسور", "الداعية", "المفكر", "الفنان", "المخرج", "اللاعب", "المدرب",
		"ناشط", "كاتب", "صحفي", "صحافي", "محام", "محامي", "طبيب", "أكاديمي", "مدرب", "لاعب", "مواطن", "شاهد", "نازح", "لاجئ")
	sn("person", 'f', "السيدة", "الدكتورة", "الناشطة", "الكاتبة", "الصحفية", "الصحافية", "المحامية", "الطبيبة", "الأميرة", "الملكة",
		"ناشطة", "كاتبة", "صحفية", "صحافية", "محامية", "طبيبة", "مواطنة", "نازحة", "لاجئة")
	sn("anonymous", 'p', "أهالي", "الأهالي", "مواطنون", "مواطنين", "نازحون", "نازحين", "لاجئون", "لاجئين", "مزارعون", "تجار",
		"طلاب", "صحفيون", "صحفيين", "صحافيون", "محامون", "معلمون", "سكانا", "عائلات", "أقارب", "ذوو", "ذوي", "مقاتلون", "جنود", "ضحايا", "ناجون",
		"متعاملون", "متعاملين", "وسطاء", "مستثمرون", "مستثمرين", "سماسرة", "تجارا", "مصرفيون", "مصرفيين", "منظمون", "منظمين", "مشاركون", "مشاركين")
	sn("official", 'f', "متحدثة", "ناطقة", "وزيرة", "سفيرة", "رئيسة", "مديرة", "مستشارة", "مبعوثة", "مندوبة", "نائبة", "ممثلة", "مفوضة", "منسقة", "محللة", "خبيرة", "مراسلة", "قيادية", "باحثة", "مرشحة")
	// Titles have feminine forms: أمينة, عميدة.
	for k, v := range l.sourceNouns {
		if v.kind == "official" && v.gender == 'm' && !strings.HasSuffix(k, "ا") && !strings.Contains(k, " ") {
			if _, ok := l.sourceNouns[k+"ه"]; !ok {
				l.sourceNouns[k+"ه"] = sourceNoun{kind: "official", gender: 'f'}
			}
		}
	}
	sn("person", 'm', "سائق", "مزارع", "تاجر", "صياد", "معلم", "عامل", "طالب", "ممرض", "موظف", "جندي", "مقاتل", "متظاهر", "ناخب", "مهاجر", "أب", "والد", "صاحب")
	sn("person", 'f', "سائقة", "مزارعة", "معلمة", "عاملة", "طالبة", "ممرضة", "موظفة", "متظاهرة", "ناخبة", "مهاجرة", "أم", "والدة", "صاحبة", "الأم", "الأب")
	// Every title also stands definite: "المتحدث", "المديرة".
	for k, v := range l.sourceNouns {
		if !strings.HasPrefix(k, "ال") {
			l.sourceNouns["ال"+k] = v
		}
	}
	l.notes = seqs("يذكر أن", "ويذكر أن", "يذكر ان", "والجدير بالذكر", "الجدير بالذكر", "جدير بالذكر", "يشار إلى", "ويشار إلى",
		"تجدر الإشارة", "وتجدر الإشارة", "يذكر", "ويذكر", "يُذكر", "مما يذكر", "ومن المعروف", "من المعروف", "ويشار", "يشار")
	l.forecasts = seqs("من المتوقع", "ومن المتوقع", "ومن المنتظر", "من المنتظر", "من المقرر", "ومن المقرر", "يتوقع أن", "ويتوقع أن", "يُتوقع")
	l.conjunctions = keys("و", "ف", "كما", "فيما", "بينما", "حيث", "وقد", "فقد", "قد", "لقد", "ولقد", "ثم", "وكما", "إذ", "اذ", "وإذ", "وحين", "حين", "عندما")
	l.venues = keys("بيان", "تصريح", "تصريحات", "تقرير", "مقابلة", "حديث", "مؤتمر", "تغريدة", "منشور", "رسالة", "كلمة", "خطاب", "حلقة", "افتتاحية", "مقال", "برنامج", "ندوة", "جلسة", "لقاء", "اتصال")
	l.stopAfterSub = keys("في", "عن", "إلى", "على", "من", "خلال", "ان", "أن", "إن", "بأن", "مع", "منذ", "بعد", "قبل", "أمام", "لدى", "عبر", "إثر", "اثر", "حول", "حيال", "ردا", "تعليقا", "قد", "لقد", "نقلا", "استطلعت", "استطلع",
		// "مصادر مطلعة تحدثت لرويترز": who spoke, then to whom.
		"تحدث", "تحدثت", "تحدثوا", "تحدثا")
	// Indefinite, so never part of a name ("وزير الصحة"): after the
	// speaker, they begin what is denied or confirmed.
	l.objects = keys("صحة", "وجود", "أي", "علمه", "علمها", "مسؤوليته", "مسؤوليتها", "نيته", "نيتها")
	l.countryNisba = map[string]string{}
	for country, words := range map[string][]string{
		"EG": {"المصرية", "المصري"}, "SY": {"السورية", "السوري"}, "LB": {"اللبنانية", "اللبناني"}, "JO": {"الأردنية", "الأردني"},
		"SA": {"السعودية", "السعودي"}, "AE": {"الإماراتية", "الإماراتي"}, "QA": {"القطرية", "القطري"}, "KW": {"الكويتية", "الكويتي"},
		"IQ": {"العراقية", "العراقي"}, "DZ": {"الجزائرية", "الجزائري"}, "MA": {"المغربية", "المغربي"}, "TN": {"التونسية", "التونسي"},
		"LY": {"الليبية", "الليبي"}, "SD": {"السودانية", "السوداني"}, "YE": {"اليمنية", "اليمني"}, "OM": {"العمانية", "العماني"},
		"BH": {"البحرينية", "البحريني"}, "PS": {"الفلسطينية", "الفلسطيني"}, "IL": {"الإسرائيلية", "الإسرائيلي", "العبرية", "العبري"},
		"US": {"الأمريكية", "الأميركية", "الأمريكي", "الأميركي"}, "GB": {"البريطانية", "البريطاني"}, "FR": {"الفرنسية", "الفرنسي"},
		"DE": {"الألمانية", "الألماني"}, "RU": {"الروسية", "الروسي"}, "CN": {"الصينية", "الصيني"}, "TR": {"التركية", "التركي"},
		"IR": {"الإيرانية", "الإيراني"}, "IT": {"الإيطالية", "الإيطالي"}, "ES": {"الإسبانية", "الإسباني"}, "JP": {"اليابانية", "الياباني"},
		"IN": {"الهندية", "الهندي"}, "PK": {"الباكستانية", "الباكستاني"}, "UA": {"الأوكرانية", "الأوكراني"}, "KP": {"الكورية الشمالية"},
	} {
		for _, w := range words {
			l.countryNisba[fold.LooseString(w)] = country
		}
	}
	l.nisba = func(k string) bool {
		switch k {
		case "الي", "الذي", "التي": // إلى, and relative pronouns: not adjectives
			return false
		}
		return strings.HasPrefix(k, "ال") && (strings.HasSuffix(k, "يه") || strings.HasSuffix(k, "ي") || strings.HasSuffix(k, "يون") || strings.HasSuffix(k, "يين"))
	}

	// English.
	ev := func(class verbClass, deny bool, forms ...string) {
		for _, f := range forms {
			l.enVerbs[f] = verb{class: class, deny: deny, en: true}
		}
	}
	ev(vSay, false, "said", "says", "say", "stated", "reported", "reports", "announced", "confirmed", "confirms",
		"claimed", "claims", "warned", "warns", "explained", "insisted", "insists", "wrote", "writes", "tweeted", "posted",
		"noted", "notes", "argued", "argues", "acknowledged", "admitted", "alleged", "alleges", "urged", "revealed",
		"disclosed", "stressed", "emphasized", "emphasised", "asserted", "declared", "maintained", "contended", "estimated",
		"added", "adds", "continued", "went", "concluded", "predicted", "believes", "believed", "accused", "pointed",
		"reiterated", "indicated", "suggested", "cautioned", "vowed", "pledged", "replied", "responded", "countered", "observed",
		"remarked", "announces", "reporting", "called", "described", "wrote", "blamed", "welcomed", "condemned", "criticised", "criticized", "accused",
		"conceded", "threatened", "promised", "praised", "slammed", "lamented", "signalled", "signaled", "hinted", "recalled", "testified",
		"reaffirmed", "underscored", "disputed", "agreed", "wrote", "posted", "tweeted", "acknowledges", "argues", "warns", "adds", "notes", "writes",
		"vows", "pledges", "threatens", "accuses", "reveals", "admits", "blames", "welcomes", "condemns", "slams",
		"complained", "retorted", "thinks", "estimates", "predicts", "expects", "forecast", "explains", "stresses", "urges", "told", "quoted", "cited", "citing", "quoting", "according", "told", "tells", "informed")
	ev(vSay, true, "denied", "denies", "rejected", "dismissed")
	for _, w := range []string{"added", "adds", "continued", "went", "concluded"} {
		x := l.enVerbs[w]
		x.class = vAdd
		l.enVerbs[w] = x
	}
	for _, w := range []string{"showed", "shows", "show", "found", "finds"} {
		l.enVerbs[w] = verb{class: vShow, en: true}
	}
	for _, w := range []string{"told", "tells", "informed"} {
		x := l.enVerbs[w]
		x.class = vTell
		l.enVerbs[w] = x
	}
	for _, w := range []string{"announced", "announces"} {
		x := l.enVerbs[w]
		x.class = vAnnounce
		l.enVerbs[w] = x
	}
	for _, w := range []string{"believes", "believed", "estimated", "predicted", "thinks", "estimates", "predicts", "expects", "forecast"} {
		x := l.enVerbs[w]
		x.class = vBelieve
		l.enVerbs[w] = x
	}
	l.enPronouns = map[string]byte{"he": 'm', "she": 'f', "they": 'p', "it": 'n'}
	l.enSourceHead = map[string]sourceNoun{}
	es := func(kind string, g byte, words ...string) {
		for _, w := range words {
			l.enSourceHead[w] = sourceNoun{kind: kind, gender: g}
		}
	}
	es("anonymous", 'p', "officials", "sources", "media", "reports", "diplomats", "analysts", "experts", "witnesses", "residents", "people",
		"activists", "observers", "investigators", "authorities", "aides", "insiders", "lawmakers", "medics", "doctors", "rescuers")
	es("anonymous", 'm', "official", "source", "diplomat", "aide", "insider", "negotiator", "delegate", "mediator", "investigator", "officer")
	es("anonymous", 'p', "negotiators", "delegates", "mediators", "officers", "commanders", "staffers", "employees", "workers", "members")
	es("official", 'm', "spokesman", "spokesperson", "minister", "ambassador", "commander", "chief", "director", "president",
		"adviser", "advisor", "envoy", "secretary", "governor", "analyst", "expert", "lawmaker", "senator", "general", "colonel", "premier", "chancellor", "leader")
	es("official", 'f', "spokeswoman", "chairwoman", "congresswoman", "businesswoman")
	es("official", 'm', "mayor", "prosecutor", "judge", "coach", "manager", "chairman", "ceo", "founder", "commissioner",
		"inspector", "attorney", "representative", "ambassador", "congressman", "legislator", "mp", "speaker")
	es("anonymous", 'm', "witness", "eyewitness", "resident", "doctor", "nurse", "medic", "survivor", "neighbour", "neighbor",
		"worker", "farmer", "trader", "student", "teacher", "soldier", "fighter", "activist", "journalist", "reporter", "correspondent",
		"researcher", "scientist", "professor", "economist", "strategist", "lawyer", "engineer", "driver", "volunteer", "father", "mother",
		"relative", "villager", "protester", "voter", "paramedic", "surgeon", "pilot", "fisherman", "shopkeeper", "commentator", "historian")
	es("anonymous", 'p', "scientists", "researchers", "economists", "strategists", "lawyers", "journalists", "students", "teachers",
		"farmers", "traders", "survivors", "families", "relatives", "neighbours", "neighbors", "villagers", "protesters", "demonstrators",
		"fighters", "soldiers", "patients", "nurses", "engineers", "organizers", "organisers", "campaigners", "critics", "supporters",
		"opponents", "voters", "citizens", "locals", "passengers", "fans", "players", "paramedics", "volunteers", "prosecutors",
		"judges", "ministers", "leaders", "envoys", "ambassadors", "commanders", "militants", "rebels", "insurgents", "police",
		"rescuers", "firefighters", "scholars", "forecasters", "pollsters", "bankers", "executives", "managers", "owners", "parents")
	l.enTypeNouns = map[string]typeNoun{}
	et := func(kinds []string, words ...string) {
		for _, w := range words {
			l.enTypeNouns[w] = typeNoun{kinds: kinds}
		}
	}
	et([]string{"newspaper"}, "paper", "newspaper", "daily", "broadsheet", "tabloid")
	et([]string{"agency"}, "agency", "wire")
	et([]string{"broadcaster"}, "network", "broadcaster", "channel", "station", "outlet", "tv")
	et([]string{"magazine"}, "magazine", "weekly", "monthly")
	et([]string{"newspaper", "magazine"}, "journal", "post", "times")
	et([]string{"website"}, "website", "site")
	et([]string{"organization"}, "company", "firm", "carmaker", "automaker", "lender", "bank", "insurer", "retailer", "chipmaker",
		"planemaker", "airline", "party", "movement", "militia", "charity", "watchdog", "regulator", "observatory", "monitor", "union", "federation", "club")
	et([]string{"official"}, "bureau", "institute", "directorate", "inspectorate", "service", "secretariat", "court", "tribunal", "committee", "mission", "navy", "force", "forces", "police", "authority", "authorities", "ministry", "department", "alliance", "government", "office", "army", "military", "organization",
		"organisation", "body", "council", "commission", "administration", "kremlin", "pentagon", "palace", "embassy", "group", "bloc", "union")
	l.enPart = map[string]bool{"adding": true, "saying": true, "noting": true, "warning": true, "stressing": true,
		"explaining": true, "insisting": true, "arguing": true, "claiming": true, "pointing": true, "calling": true, "urging": true, "denying": true}
	l.enAbbrev = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true, "lt": true,
		"sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "st": true, "jan": true, "feb": true, "mar": true, "apr": true,
		"jun": true, "jul": true, "aug": true, "sep": true, "sept": true, "oct": true, "nov": true, "dec": true, "no": true, "vs": true, "inc": true, "co": true, "corp": true, "ltd": true, "jr": true, "sr": true, "etc": true}
	l.enTitleAbbr = map[string]bool{"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "gen": true, "col": true, "lt": true,
		"sgt": true, "capt": true, "gov": true, "sen": true, "rep": true, "st": true, "maj": true, "adm": true, "cmdr": true, "brig": true,
		"cpl": true, "pvt": true, "rev": true, "fr": true, "hon": true, "amb": true, "supt": true, "insp": true, "det": true}
	for k := range l.enTitleAbbr {
		l.enAbbrev[k] = true
	}
	defer l.index()
	l.enLower = map[string]bool{"of": true, "the": true, "for": true, "and": true, "de": true, "al": true, "el": true, "von": true, "der": true, "bin": true,
		"la": true, "le": true, "du": true, "da": true, "di": true, "del": true, "van": true, "dos": true, "ibn": true}
	return l
}

// isWord reports whether k is a noun of the lexicon.
func (l *lexicon) isWord(k string) bool { return l.words[k] }

// index builds the lookup sets derived from the lexicon's lists.
func (l *lexicon) index() {
	l.words = map[string]bool{}
	for k := range l.typeNouns {
		l.words[k] = true
	}
	for k := range l.sourceNouns {
		l.words[k] = true
	}
	for _, m := range []map[string]bool{l.docNouns, l.dataNouns, l.quantity} {
		for k := range m {
			l.words[k] = true
		}
	}
	l.accFirst = map[string]bool{}
	for _, m := range []map[string]int{l.according} {
		for k := range m {
			l.accFirst[k], l.accFirst["و"+k], l.accFirst["ف"+k] = true, true, true
		}
	}
	for k := range l.accordingSeq {
		l.accFirst[k], l.accFirst["و"+k], l.accFirst["ف"+k] = true, true, true
	}
	l.seqFirst = map[string]bool{}
	for _, s := range append(append([][]string{}, l.notes...), l.forecasts...) {
		l.seqFirst[s[0]] = true
		l.seqFirst["و"+s[0]] = true
		l.seqFirst["ف"+s[0]] = true
	}
}
