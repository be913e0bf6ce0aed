# Turkish FAQ texts for widunetz-bot (translated from locales/de/faq.ftl).
# For each FAQ entry: faq-<id>-title (question shown on buttons) and
# faq-<id>-answer (the answer), plus topic-<topic> display names.
# Facts come only from the seed texts in ../shared/seed. Plain text, no HTML/Markdown.

## Topics

topic-about = widunetz hakkında
topic-history = Tarihçe
topic-organisation = Yapı
topic-participation = Katılım
topic-contact = İletişim

## Über widunetz

faq-about-title = widunetz nedir?
faq-about-answer =
    widunetz, Kreis Herford'da (Herford ilçesinde) bir kurumlar ağıdır.
    Tam adı: widunetz – Netzwerk für Integration & Vielfalt im Kreis Herford. Türkçesi: Kreis Herford'da Uyum ve Çeşitlilik Ağı.

    Bu ağda, göç ve uyum konusunda çalışan kurumlar iş birliği yapar.
    Başlangıçta bu kurumlar şunlardı: ilçe yönetimi (Kreis Herford), şehirler ve belediyeler, AWO (Arbeiterwohlfahrt, bir Alman sosyal yardım kuruluşu), Caritas (Katolik sosyal yardım kuruluşu), Diakonie (Protestan sosyal yardım kuruluşu) ve DRK (Alman Kızılhaçı).
    Ağ 27.02.2008 tarihinde kuruldu.
    Şu anda proje grubunda (Projektgruppe) 48 üye var.

    Hedefler: şeffaflık, ağ kurma ve iş birliği.
    Yani: Hangi hizmetlerin olduğunu herkes görebilmeli. Kurumlar da birbirini tanımalı ve birlikte çalışmalı.

faq-goals-title = Ağın hedefleri nelerdir?
faq-goals-answer =
    Ağın hedefleri şunlardır:
    • Şeffaflık: Göç ve uyum konusunda hangi çalışmaların ve hizmetlerin olduğunu herkes görebilmeli.
    • Ağ kurma: Kurumlar birbirini tanımalı ve birlikte çalışmalı.
    • Planlı yönetim: Çalışmalar bir plana göre yürütülmeli.
    • Göçmenlerin günlük hayatındaki sorunları ele almak.
    • Bu sorunlar için genel çözümler aramak. Bu çözümler tek bir kurumla sınırlı kalmamalı.
    • Göçmen kökenli insanların uyumunu ve günlük hayatını iyileştiren adımlar atmak.

    Sloganı: “Şeffaflık, ağ kurma ve iş birliği”.

faq-achievements-title = Ağ sayesinde neler oluştu?
faq-achievements-answer =
    Ortak çalışma sayesinde kalıcı bir ağ oluştu:
    • 27.02.2008 tarihinde ağ sözleşmesi (Netzwerkvereinbarung) imzalandı. Bu, ortak ve yazılı bir anlaşmadır.
    • Ağın belli bir düzeni var: proje grubu (Projektgruppe), çekirdek grup (Kerngruppe) ve çalışma grupları (Arbeitsgruppen).
    • Proje grubu düzenli olarak, yılda dört ila altı kez toplanır. Üyeler orada bilgi alışverişi yapar ve ortak çalışmalar planlar.
    • Üye sayısı sürekli arttı. Şu anda 48 üye var.
    • Ağ kurulmadan önce bir proje vardı. Bu projede 2006 yılının sonunda çalışma dışarıdan incelendi (externe Evaluation). Bu inceleme iş birliğini şöyle anlattı: “eşit seviyede katılım kültürü” (Beteiligungskultur auf gleicher Augenhöhe).

    Daha fazla bilgiyi iletişim kişileri Marie Chaput ve Iris Wolter'den alabilirsiniz: /contact

## Mitmachen

faq-benefits-title = İş birliğinin faydaları nelerdir?
faq-benefits-answer =
    Bu ağda birçok kurum yakından birlikte çalışır. Böylece kurumlar:
    • birbirini tanıyabilir,
    • birbirine bilgi verebilir,
    • güncel konuları birlikte konuşup anlaşabilir,
    • ortak çalışmalar planlayabilir,
    • göçmenlerin günlük hayatındaki sorunlara birlikte çözüm arayabilir.

    Amaç: Göçmen kökenli insanların uyumu ve günlük hayatı daha iyi olsun.
    Daha fazla bilgiyi iletişim kişileri Marie Chaput ve Iris Wolter'den alabilirsiniz: /contact

faq-join-title = widunetz'e nasıl katılabilirim?
faq-join-answer =
    Nasıl üye olunacağı maalesef bilgilerimde yok.
    Ağ, kurulduğundan beri sürekli büyüdü. Şu anda proje grubunun (Projektgruppe) 48 üyesi var.
    Katılmak veya ağ ile birlikte çalışmak mı istiyorsunuz? Lütfen ana iletişim kişilerine sorun:

    Marie Chaput
    Kreis Herford - Kommunales Integrationszentrum (Herford ilçesi Uyum Merkezi)
    Telefon: 05221-131121
    E-posta: m.j.chaput@kreis-herford.de

    Iris Wolter
    AWO-Fachdienste für Migration und Integration (AWO Göç ve Uyum Hizmetleri)
    Telefon: 05732-905211
    E-posta: fmi.loehne@awo-owl.de

## Geschichte

faq-founding-title = widunetz nasıl kuruldu?
faq-founding-answer =
    widunetz 27.02.2008 tarihinde kuruldu. O gün ağ sözleşmesi (Netzwerkvereinbarung) imzalandı.

    Daha önce “Migrationsvernetzung im Kreis Herford” adında bir proje vardı. Türkçesi: Kreis Herford'da göç ağı. Proje Temmuz 2005'te başladı.
    Fikir üç sosyal yardım kuruluşundan geldi: Arbeiterwohlfahrt (AWO), Caritas (Katolik) ve Diakonisches Werk (DW, Protestan).
    Projeyi Kreis Herford (Herford ilçesi) düzenledi. AWO ile birlikte projeyi yönetti.
    Katılanlar bir proje grubunda (Projektgruppe) toplandı. Dört proje aşaması boyunca bütün önemli adımları birlikte konuşup kararlaştırdılar.
    Yaklaşık iki buçuk yıllık ortak çalışmadan sonra ağ böyle ortaya çıktı.
    5. proje aşamasında (2008) ağa yeni bir düzen verildi.

faq-funding-title = Projeyi kim destekledi?
faq-funding-answer =
    “Migrationsvernetzung im Kreis Herford” projesini Nordrhein-Westfalen eyaleti destekledi. Yani: Proje destek olarak para aldı.
    Destek 2005 ortasından itibaren “KOMM-IN NRW – Innovation in der kommunalen Integrationsarbeit” programından geldi. Bu, Nordrhein-Westfalen eyaletinin bir destek programıdır. Adının anlamı: Belediyelerin uyum çalışmalarında yenilik.
    Desteği Kreis Herford (Herford ilçesi) aldı (Förderungsempfänger).

    Bu destek artık sona erdi. Yani: Bu programdan artık para gelmiyor.

faq-agreement-title = Ağ sözleşmesi nedir?
faq-agreement-answer =
    Ağ sözleşmesi (Netzwerkvereinbarung) ortak ve yazılı bir anlaşmadır.
    27.02.2008 tarihinde imzalandı. Bu, widunetz'in kurulduğu gündür.

    İmzalayanlar:
    • Kreis Herford'daki (Herford ilçesindeki) bütün belediye başkanları
    • Kreis Herford'un yöneticisi (Landrätin)
    • AWO Ostwestfalen-Lippe e.V. bölge birliğinin başkanı (AWO: Arbeiterwohlfahrt, bir Alman sosyal yardım kuruluşu)
    • Caritas birliğinin müdürü (Caritas: Katolik sosyal yardım kuruluşu)
    • DRK Kreisverband Herford-Stadt e.V. derneğinin müdürü (DRK: Alman Kızılhaçı)
    • Diakonie'nin müdürü (Diakonie: Protestan sosyal yardım kuruluşu)
    • Fachforum Migration'un başkanı (göç konusunda bir uzmanlar forumu)

faq-evaluation-title = 2006 sonundaki inceleme ne dedi?
faq-evaluation-answer =
    2006 yılının sonunda projedeki çalışma dışarıdan incelendi. Buna dış değerlendirme (externe Evaluation) denir.
    Sonuç: İş birliği bir “eşit seviyede katılım kültürü” idi (Beteiligungskultur auf gleicher Augenhöhe).
    Yani: Bütün katılanlar eşit haklarla birlikte çalıştı.
    Sık sık birlikte karar aldılar ve birbirlerine bilgi verdiler.

    Katılanlar şunlardı: sosyal yardım kuruluşları (Träger der Freien Wohlfahrtspflege), belediyeler, ilçe yönetimi (Kreis Herford) ve göç konusunda çalışan başka kurumlar.

## Aufbau

faq-structure-title = widunetz'in yapısı nasıl?
faq-structure-answer =
    widunetz ağında üç tür grup var (Netzwerkorgane):
    • Proje grubu (Projektgruppe): Yılda dört ila altı kez toplanır. Üyeler bilgi alışverişi yapar, birlikte karar verir ve ortak çalışmalar planlar.
    • Çekirdek grup (Kerngruppe): Proje grubunun toplantılarını hazırlar.
    • Çalışma grupları (Arbeitsgruppen): Belli konular için kurulur.

    Bu düzen 2008'den beri var. O zaman ağa yeni bir düzen verildi. Bu düzen, 27.02.2008 tarihli ağ sözleşmesinde (Netzwerkvereinbarung) yazılıdır.

faq-core-group-title = Çekirdek grup ne yapar?
faq-core-group-answer =
    Çekirdek grup (Kerngruppe), widunetz ağındaki bir gruptur.
    Ana görevi, proje grubunun (Projektgruppe) toplantılarını hazırlamaktır.
    Yani: Toplantıları önceden planlar. Bunu hem içerik hem de strateji açısından yapar.

    Proje grubunun şu anda 48 üyesi var. Proje grubu yılda dört ila altı kez toplanır.
    Daha fazla bilgi: /contact

faq-project-group-title = Proje grubu ne yapar?
faq-project-group-answer =
    Proje grubu (Projektgruppe) düzenli olarak, yılda dört ila altı kez toplanır.
    Toplantılarda:
    • üyeler bilgi alışverişi yapar,
    • güncel konuları birlikte konuşup anlaşırlar,
    • ortak çalışmalar planlarlar.

    Şu anda proje grubunda 48 üye var.
    Başlangıçta grubu şu kurumların temsilcileri oluşturdu: ilçe yönetimi (Kreis Herford), ilçedeki şehirler ve belediyeler, AWO (Arbeiterwohlfahrt, bir Alman sosyal yardım kuruluşu), Caritas (Katolik sosyal yardım kuruluşu), Diakonisches Werk (DW, Protestan sosyal yardım kuruluşu) ve DRK (Alman Kızılhaçı).

faq-members-title = widunetz'in kaç üyesi var?
faq-members-answer =
    Ağ kurulduğundan beri üye sayısı sürekli arttı.
    Şu anda widunetz proje grubunda (Projektgruppe) 48 üye var.
    Üyeler kişiler değil, kurum ve kuruluşlardır.

    Başlangıçta proje grubunu şunlar oluşturdu:
    • Kreis Herford (Herford ilçesi)
    • ilçedeki şehirler ve belediyeler
    • Arbeiterwohlfahrt (AWO, bir Alman sosyal yardım kuruluşu)
    • Caritas (Katolik sosyal yardım kuruluşu)
    • Diakonisches Werk (Diakonie, Protestan sosyal yardım kuruluşu)
    • DRK (Alman Kızılhaçı)

## Kontakt

faq-contact-title = İletişim kişileri kimler?
faq-contact-answer =
    widunetz'in ana iletişim kişileri şunlardır:

    Marie Chaput
    Kreis Herford - Kommunales Integrationszentrum (Herford ilçesi Uyum Merkezi)
    Telefon: 05221-131121
    E-posta: m.j.chaput@kreis-herford.de

    Iris Wolter
    AWO-Fachdienste für Migration und Integration (AWO Göç ve Uyum Hizmetleri)
    Telefon: 05732-905211
    E-posta: fmi.loehne@awo-owl.de

    Onları arayabilir veya e-posta yazabilirsiniz.
