package scaffold

// starterText is the wording of a new site in one language; newStarter
// puts it in the structure of starterEN (the same pages, headings and IDs).
type starterText struct {
	site, homeDesc, welcome, startH, startP                                string
	gsTitle, gsDesc, gsSlug, gsIntro, writeH, writeP, trH, trP, pubH, pubP string
	srcTitle, srcDesc, srcIntro, siteH, siteP                              string
}

// newStarter builds the starter site of t.
func newStarter(t starterText) starterSite {
	return starterSite{
		description: t.site,
		pages: map[string]starterPage{
			"_index": {
				description: t.homeDesc,
				front:       "weight: 0\n",
				body:        t.welcome + "\n\n## " + t.startH + " {#start}\n\n" + t.startP + "\n",
			},
			"getting-started": {
				title:       t.gsTitle,
				description: t.gsDesc,
				front:       "weight: 10\nslug: " + t.gsSlug + "\n",
				body: t.gsIntro + "\n\n## " + t.writeH + " {#write}\n\n" + t.writeP +
					"\n\n## " + t.trH + " {#translate}\n\n" + t.trP +
					"\n\n## " + t.pubH + " {#publish}\n\n" + t.pubP + "\n",
			},
			"sources": {
				title:       t.srcTitle,
				description: t.srcDesc,
				front:       "weight: 90\nsection: false\n",
				body:        t.srcIntro + "\n\n## " + t.siteH + " {#site}\n\n" + t.siteP + "\n",
			},
		},
	}
}

// starters are the new-site texts of the built-in theme's languages.
var starters = map[string]starterSite{
	"en": starterEN,
	"fr": starterFR,
	"de": newStarter(starterText{
		site: "Eine zweisprachige Website, gemacht mit kz30.", homeDesc: "Die Startseite: worum es auf der Website geht, in einem Satz.",
		welcome: "Willkommen. Jede Seite dieser Website ist eine Markdown-Datei in jeder Sprache, unter demselben Namen: `content/<lang>/NAME.md`.",
		startH:  "Wo anfangen", startP: "Lesen Sie [den ersten Abschnitt](getting-started.md) und ersetzen Sie dann diesen Text durch Ihren eigenen.",
		gsTitle: "Erste Schritte", gsDesc: "Wie die Seiten dieser Website geschrieben, übersetzt und veröffentlicht werden.", gsSlug: "erste-schritte",
		gsIntro: "Drei Schritte führen eine Seite vom Entwurf ins Netz.",
		writeH:  "Schreiben", writeP: "Eine Seite beginnt mit Titel und Beschreibung zwischen zwei Zeilen aus drei Bindestrichen. `kz30 new NAME` legt eine Seite in jeder Sprache an.",
		trH: "Übersetzen", trP: "Eine Übersetzung hält fest, nach welcher Fassung des Originals sie entstand (`translation_of`): Ändert sich das Original, nennt `kz30 check` die Übersetzungen, die nachzuziehen sind.",
		pubH: "Veröffentlichen", pubP: "Laden Sie die Website auf GitHub hoch: Ihr Workflow prüft sie, baut sie und stellt sie auf GitHub Pages bereit. Die Seite [Quellen](sources.md) nennt, woher die Informationen stammen.",
		srcTitle: "Quellen", srcDesc: "Woher die Informationen dieser Website stammen.",
		srcIntro: "Führen Sie hier die Quellen auf, auf die sich die Seiten stützen, eine Überschrift je Quelle, damit eine Seite auf jede verlinken kann.",
		siteH:    "Diese Website", siteP: "Die Website wird mit kz30 gebaut, einem Generator für statische zweisprachige Websites.",
	}),
	"es": newStarter(starterText{
		site: "Un sitio bilingüe hecho con kz30.", homeDesc: "La página de inicio: de qué trata el sitio, en una frase.",
		welcome: "Bienvenida. Cada página de este sitio es un archivo Markdown en cada idioma, con el mismo nombre: `content/<lang>/NOMBRE.md`.",
		startH:  "Por dónde empezar", startP: "Lea [la primera sección](getting-started.md) y luego sustituya este texto por el suyo.",
		gsTitle: "Primeros pasos", gsDesc: "Cómo se escriben, traducen y publican las páginas de este sitio.", gsSlug: "primeros-pasos",
		gsIntro: "Tres pasos llevan una página del borrador a la web.",
		writeH:  "Escribir", writeP: "Una página empieza con su título y su descripción entre dos líneas de tres guiones. `kz30 new NOMBRE` añade una página en cada idioma.",
		trH: "Traducir", trP: "Una traducción anota de qué versión del original se hizo (`translation_of`): cuando el original cambia, `kz30 check` nombra las traducciones que hay que actualizar.",
		pubH: "Publicar", pubP: "Suba el sitio a GitHub: su flujo de trabajo lo comprueba, lo construye y lo despliega en GitHub Pages. La página de [fuentes](sources.md) indica de dónde viene la información.",
		srcTitle: "Fuentes", srcDesc: "De dónde viene la información de este sitio.",
		srcIntro: "Enumere aquí las fuentes en las que se apoyan las páginas, un título por fuente, para que una página pueda enlazar con cualquiera de ellas.",
		siteH:    "Este sitio", siteP: "El sitio se construye con kz30, un generador de sitios estáticos bilingües.",
	}),
	"it": newStarter(starterText{
		site: "Un sito bilingue fatto con kz30.", homeDesc: "La home: di che cosa parla il sito, in una frase.",
		welcome: "Benvenuti. Ogni pagina di questo sito è un file Markdown in ogni lingua, con lo stesso nome: `content/<lang>/NOME.md`.",
		startH:  "Da dove cominciare", startP: "Leggete [la prima sezione](getting-started.md), poi sostituite questo testo con il vostro.",
		gsTitle: "Primi passi", gsDesc: "Come si scrivono, si traducono e si pubblicano le pagine di questo sito.", gsSlug: "primi-passi",
		gsIntro: "Tre passaggi portano una pagina dalla bozza al web.",
		writeH:  "Scrivere", writeP: "Una pagina comincia con titolo e descrizione fra due righe di tre trattini. `kz30 new NOME` aggiunge una pagina in ogni lingua.",
		trH: "Tradurre", trP: "Una traduzione registra da quale versione dell’originale è stata fatta (`translation_of`): quando l’originale cambia, `kz30 check` indica le traduzioni da aggiornare.",
		pubH: "Pubblicare", pubP: "Caricate il sito su GitHub: il suo workflow lo controlla, lo costruisce e lo pubblica su GitHub Pages. La pagina delle [fonti](sources.md) dice da dove vengono le informazioni.",
		srcTitle: "Fonti", srcDesc: "Da dove vengono le informazioni di questo sito.",
		srcIntro: "Elencate qui le fonti su cui si basano le pagine, un titolo per fonte, così che una pagina possa rimandare a ciascuna.",
		siteH:    "Questo sito", siteP: "Il sito è costruito con kz30, un generatore di siti statici bilingui.",
	}),
	"pt": newStarter(starterText{
		site: "Um site bilíngue feito com kz30.", homeDesc: "A página inicial: do que trata o site, em uma frase.",
		welcome: "Boas-vindas. Cada página deste site é um arquivo Markdown em cada idioma, com o mesmo nome: `content/<lang>/NOME.md`.",
		startH:  "Por onde começar", startP: "Leia [a primeira seção](getting-started.md) e depois substitua este texto pelo seu.",
		gsTitle: "Primeiros passos", gsDesc: "Como as páginas deste site são escritas, traduzidas e publicadas.", gsSlug: "primeiros-passos",
		gsIntro: "Três etapas levam uma página do rascunho à web.",
		writeH:  "Escrever", writeP: "Uma página começa com o título e a descrição entre duas linhas de três hífenes. `kz30 new NOME` cria uma página em cada idioma.",
		trH: "Traduzir", trP: "Uma tradução registra de qual versão do original foi feita (`translation_of`): quando o original muda, `kz30 check` aponta as traduções que precisam ser atualizadas.",
		pubH: "Publicar", pubP: "Envie o site para o GitHub: o workflow dele verifica, gera e publica o site no GitHub Pages. A página de [fontes](sources.md) diz de onde vêm as informações.",
		srcTitle: "Fontes", srcDesc: "De onde vêm as informações deste site.",
		srcIntro: "Liste aqui as fontes em que as páginas se baseiam, um título por fonte, para que uma página possa apontar para qualquer uma delas.",
		siteH:    "Este site", siteP: "O site é gerado com kz30, um gerador de sites estáticos bilíngues.",
	}),
	"ru": newStarter(starterText{
		site: "Двуязычный сайт, сделанный с помощью kz30.", homeDesc: "Главная страница: о чём этот сайт, в одной фразе.",
		welcome: "Добро пожаловать. Каждая страница этого сайта — файл Markdown на каждом языке под одним и тем же именем: `content/<lang>/ИМЯ.md`.",
		startH:  "С чего начать", startP: "Прочитайте [первый раздел](getting-started.md), а затем замените этот текст своим.",
		gsTitle: "Первые шаги", gsDesc: "Как страницы этого сайта пишутся, переводятся и публикуются.", gsSlug: "pervye-shagi",
		gsIntro: "Три шага ведут страницу от черновика к публикации.",
		writeH:  "Написать", writeP: "Страница начинается с заголовка и описания между двумя строками из трёх дефисов. `kz30 new ИМЯ` добавляет страницу на каждом языке.",
		trH: "Перевести", trP: "Перевод помнит, с какой версии оригинала он сделан (`translation_of`): когда оригинал меняется, `kz30 check` называет переводы, которые нужно обновить.",
		pubH: "Опубликовать", pubP: "Отправьте сайт на GitHub: его workflow проверяет сайт, собирает его и публикует на GitHub Pages. На странице [источников](sources.md) указано, откуда взяты сведения.",
		srcTitle: "Источники", srcDesc: "Откуда взяты сведения этого сайта.",
		srcIntro: "Перечислите здесь источники, на которые опираются страницы, по заголовку на источник, чтобы страница могла сослаться на любой из них.",
		siteH:    "Этот сайт", siteP: "Сайт собран с помощью kz30, генератора статических двуязычных сайтов.",
	}),
	"uk": newStarter(starterText{
		site: "Двомовний сайт, зроблений за допомогою kz30.", homeDesc: "Головна сторінка: про що цей сайт, одним реченням.",
		welcome: "Ласкаво просимо. Кожна сторінка цього сайту — файл Markdown кожною мовою під тим самим іменем: `content/<lang>/ІМʼЯ.md`.",
		startH:  "З чого почати", startP: "Прочитайте [перший розділ](getting-started.md), а потім замініть цей текст власним.",
		gsTitle: "Перші кроки", gsDesc: "Як сторінки цього сайту пишуть, перекладають і публікують.", gsSlug: "pershi-kroky",
		gsIntro: "Три кроки ведуть сторінку від чернетки до публікації.",
		writeH:  "Написати", writeP: "Сторінка починається із заголовка й опису між двома рядками з трьох дефісів. `kz30 new ІМʼЯ` додає сторінку кожною мовою.",
		trH: "Перекласти", trP: "Переклад памʼятає, з якої версії оригіналу його зроблено (`translation_of`): коли оригінал змінюється, `kz30 check` називає переклади, які треба оновити.",
		pubH: "Опублікувати", pubP: "Надішліть сайт на GitHub: його workflow перевіряє сайт, збирає його й публікує на GitHub Pages. На сторінці [джерел](sources.md) зазначено, звідки взято відомості.",
		srcTitle: "Джерела", srcDesc: "Звідки взято відомості цього сайту.",
		srcIntro: "Перелічіть тут джерела, на які спираються сторінки, по заголовку на джерело, щоб сторінка могла послатися на будь-яке з них.",
		siteH:    "Цей сайт", siteP: "Сайт зібрано за допомогою kz30, генератора статичних двомовних сайтів.",
	}),
	"kk": newStarter(starterText{
		site: "kz30 көмегімен жасалған екі тілді сайт.", homeDesc: "Басты бет: сайт не туралы, бір сөйлеммен.",
		welcome: "Қош келдіңіз. Бұл сайттың әр беті — әр тілдегі бір атаулы Markdown файлы: `content/<lang>/АТАУ.md`.",
		startH:  "Неден бастау керек", startP: "[Алғашқы бөлімді](getting-started.md) оқып шығыңыз да, бұл мәтінді өзіңіздікімен ауыстырыңыз.",
		gsTitle: "Алғашқы қадамдар", gsDesc: "Бұл сайттың беттері қалай жазылады, аударылады және жарияланады.", gsSlug: "algashqy-qadamdar",
		gsIntro: "Бетті жобадан жариялауға дейін үш қадам жеткізеді.",
		writeH:  "Жазу", writeP: "Бет үш сызықшадан тұратын екі жолдың арасындағы тақырыбы мен сипаттамасынан басталады. `kz30 new АТАУ` әр тілде бет қосады.",
		trH: "Аудару", trP: "Аударма түпнұсқаның қай нұсқасынан жасалғанын сақтайды (`translation_of`): түпнұсқа өзгерсе, `kz30 check` жаңартуды қажет ететін аудармаларды атайды.",
		pubH: "Жариялау", pubP: "Сайтты GitHub-қа жіберіңіз: оның workflow-ы сайтты тексереді, жинайды және GitHub Pages-ке жариялайды. [Дереккөздер](sources.md) беті мәліметтердің қайдан алынғанын көрсетеді.",
		srcTitle: "Дереккөздер", srcDesc: "Бұл сайттағы мәліметтер қайдан алынған.",
		srcIntro: "Беттер сүйенетін дереккөздерді осында тізіп шығыңыз, әр дереккөзге бір тақырыптан, сонда бет кез келгеніне сілтеме бере алады.",
		siteH:    "Бұл сайт", siteP: "Сайт екі тілді статикалық сайттар генераторы kz30 арқылы жиналған.",
	}),
	"ar": newStarter(starterText{
		site: "موقع ثنائي اللغة أُنشئ باستخدام kz30.", homeDesc: "الصفحة الرئيسية: موضوع الموقع في جملة واحدة.",
		welcome: "أهلًا بك. كل صفحة في هذا الموقع ملف Markdown في كل لغة، بالاسم نفسه: `content/<lang>/NAME.md`.",
		startH:  "من أين تبدأ", startP: "اقرأ [القسم الأول](getting-started.md)، ثم استبدل بهذا النص نصك.",
		gsTitle: "الخطوات الأولى", gsDesc: "كيف تُكتب صفحات هذا الموقع وتُترجم وتُنشر.", gsSlug: "getting-started",
		gsIntro: "ثلاث خطوات تنقل الصفحة من المسودة إلى الويب.",
		writeH:  "الكتابة", writeP: "تبدأ الصفحة بعنوانها ووصفها بين سطرين من ثلاث شرطات. يضيف الأمر `kz30 new NAME` صفحة في كل لغة.",
		trH: "الترجمة", trP: "تسجّل الترجمة النسخة التي تُرجمت عنها من الأصل (`translation_of`): حين يتغيّر الأصل، يسمّي `kz30 check` الترجمات التي ينبغي تحديثها.",
		pubH: "النشر", pubP: "ارفع الموقع إلى GitHub: يتحقق سير العمل فيه من الموقع ويبنيه وينشره على GitHub Pages. وتذكر صفحة [المصادر](sources.md) من أين جاءت المعلومات.",
		srcTitle: "المصادر", srcDesc: "من أين جاءت معلومات هذا الموقع.",
		srcIntro: "اذكر هنا المصادر التي تعتمد عليها الصفحات، عنوانًا لكل مصدر، كي تتمكن أي صفحة من الإحالة إلى أيٍّ منها.",
		siteH:    "هذا الموقع", siteP: "بُني الموقع باستخدام kz30، وهو مولّد مواقع ثابتة ثنائية اللغة.",
	}),
}
