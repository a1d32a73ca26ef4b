package i18n

import (
	"regexp"
	"testing"
)

// TestUkrainianTable checks the official Ukrainian table of 2010 on the
// examples of the resolution itself (Cabinet of Ministers resolution 55).
func TestUkrainianTable(t *testing.T) {
	uk := LocaleOf("uk")
	for _, tc := range []struct{ in, want string }{
		{"Алушта", "alushta"},
		{"Борщагівка", "borshchahivka"},
		{"Вишгород", "vyshhorod"},
		{"Гадяч", "hadiach"},
		{"Згорани", "zghorany"},
		{"Розгон", "rozghon"},
		{"Ґалаґан", "galagan"},
		{"Дон", "don"},
		{"Рівне", "rivne"},
		{"Єнакієве", "yenakiieve"},
		{"Наталієнко", "nataliienko"},
		{"Житомир", "zhytomyr"},
		{"Закарпаття", "zakarpattia"},
		{"Медвин", "medvyn"},
		{"Іршава", "irshava"},
		{"Їжакевич", "yizhakevych"},
		{"Кадиївка", "kadyivka"},
		{"Йосипівка", "yosypivka"},
		{"Стрий", "stryi"},
		{"Олексій", "oleksii"},
		{"Київ", "kyiv"},
		{"Харків", "kharkiv"},
		{"Біла Церква", "bila-tserkva"},
		{"Шостка", "shostka"},
		{"Гоща", "hoshcha"},
		{"Русь", "rus"},
		{"Юрій", "yurii"},
		{"Крюківка", "kriukivka"},
		{"Яготин", "yahotyn"},
		{"Ічня", "ichnia"},
		{"Знам’янка", "znamianka"}, // the apostrophe is dropped
		{"Мар'їне", "marine"},
		{"п’ять", "piat"},
		{"Слов’янськ та Ялта", "sloviansk-ta-yalta"},
		{"ЄВРОПА", "yevropa"}, // capitals as lower case
		{"2021 рік", "2021-rik"},
	} {
		if got := uk.Slug(tc.in); got != tc.want {
			t.Errorf("uk Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := uk.ID(tc.in); got != tc.want {
			t.Errorf("uk ID(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestKazakhTable checks BGN/PCGN 1979 for Kazakh, without diacritics,
// on the examples of the system (Абай, Әуезов, Шымкент, Өскемен…) and
// every letter of the Kazakh alphabet.
func TestKazakhTable(t *testing.T) {
	kk := LocaleOf("kk")
	for _, tc := range []struct{ in, want string }{
		{"Абай", "abay"},
		{"Әуезов", "auezov"},
		{"Жамбыл", "zhambyl"},
		{"Шиелі", "shieli"},
		{"Семей", "semey"},
		{"Шымкент", "shymkent"},
		{"Өскемен", "oskemen"},
		{"Қазақстан", "qazaqstan"},
		{"Ақтөбе", "aqtobe"},
		{"Үржар", "urzhar"},
		{"Ұлытау", "ulytau"},
		{"Теңіз", "tengiz"},
		{"Ғылым", "ghylym"},
		{"Һ", "h"},
		{"Ёлка", "yolka"}, // ё is yo in Kazakh, e in Russian
		{"Хромтау", "khromtau"},
		{"Щучинск", "shchuchinsk"},
		{"Аа Әә Бб Вв Гг Ғғ Дд Ее Ёё Жж Зз Ии Йй Кк Ққ Лл Мм Нн Ңң Оо Өө Пп Рр Сс Тт Уу Ұұ Үү Фф Хх Һһ Цц Чч Шш Щщ Ъъ Ыы Іі Ьь Ээ Юю Яя",
			"aa-aa-bb-vv-gg-ghgh-dd-ee-yoyo-zhzh-zz-ii-yy-kk-qq-ll-mm-nn-ngng-oo-oo-pp-rr-ss-tt-uu-uu-uu-ff-khkh-hh-tsts-chch-shsh-shchshch-yy-ii-ee-yuyu-yaya"},
	} {
		if got := kk.Slug(tc.in); got != tc.want {
			t.Errorf("kk Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// TestRussianTableUnchanged pins the Russian table (and the package Slug,
// which uses it): the tables of the other languages must not move it.
func TestRussianTableUnchanged(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"Съешь же ещё этих мягких французских булок, да выпей чаю", "sesh-zhe-eshche-etikh-myagkikh-frantsuzskikh-bulok-da-vypey-chayu"},
		{"Юрий Ягода", "yuriy-yagoda"},
		{"Згорани", "zgorani"},
		{"Київ", "kiyiv"}, // Ukrainian letters in Russian rules
		{"Қазақстан", "qazaqstan"},
		{"Ёж", "ezh"},
	} {
		if got := LocaleOf("ru").Slug(tc.in); got != tc.want {
			t.Errorf("ru Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
		if got := Slug(tc.in); got != tc.want {
			t.Errorf("Slug(%q) = %q, want %q", tc.in, got, tc.want)
		}
	}
}

// FuzzLocaleSlug: in every language of the theme, Slug gives a valid slug
// or "", and Slug and ID are stable when applied again.
func FuzzLocaleSlug(f *testing.F) {
	for i := range themeLangs {
		for _, s := range []string{"Мар’їне", "Згорани", "Әуезов", "Ёлка", "l’été", "п'ять", "’я", "з'г"} {
			f.Add(uint8(i), s)
		}
	}
	valid := regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	f.Fuzz(func(t *testing.T, li uint8, s string) {
		l := LocaleOf(themeLangs[int(li)%len(themeLangs)])
		got := l.Slug(s)
		if got != "" && !valid.MatchString(got) {
			t.Fatalf("%s Slug(%q) = %q: not a slug", l.Lang(), s, got)
		}
		if again := l.Slug(got); again != got {
			t.Fatalf("%s Slug(%q) = %q, but Slug(%q) = %q", l.Lang(), s, got, got, again)
		}
		if id := l.ID(s); l.ID(id) != id {
			t.Fatalf("%s ID(%q) = %q, but ID(%q) = %q", l.Lang(), s, id, id, l.ID(id))
		}
	})
}
