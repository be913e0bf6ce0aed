# Turkish FAQ texts for widunetz-bot (translated from locales/de/faq.ftl).
# For each FAQ entry: faq-<id>-title (question shown on buttons) and
# faq-<id>-answer (the answer), plus topic-<topic> display names.
# Facts come only from the seed texts in ../shared/seed. Plain text, no HTML/Markdown.
# Terms: Kreis Herford = Herford ilçesi (the area) / Herford ilçe yönetimi (the authority);
# externe Evaluation = dış değerlendirme; sich abstimmen = görüşüp anlaşmak;
# Aktivitäten = etkinlikler; Ansprechpersonen = iletişim kişileri.

## Topics

topic-about = widunetz hakkında
topic-history = Tarihçe
topic-organisation = Ağın yapısı
topic-participation = Katılım
topic-contact = İletişim

## Über widunetz

faq-about-title = widunetz nedir?
faq-about-answer =
    widunetz, Kreis Herford'da (Herford ilçesinde) bir ağdır. Herford ilçesi, birkaç şehir ve belediyeden oluşan bir bölgedir.
    Tam adı: widunetz – Netzwerk für Integration & Vielfalt im Kreis Herford. Türkçesi: Herford İlçesinde Uyum ve Çeşitlilik Ağı.

    Bu ağda, göç ve uyum konusunda çalışan kurumlar iş birliği yapar.
    Ağ 27.02.2008 tarihinde kuruldu.
    Şu anda widunetz proje grubunda (Projektgruppe) 48 üye var.

    Ortak çalışma 2005'te şu hedeflerle başladı: şeffaflık, ağ kurma ve iş birliği.
    Yani: Hangi hizmetlerin olduğu görülebilmeli. Kurumlar da birbirini tanımalı ve birlikte çalışmalı.

    Sizin için hangi hizmetlerin olduğu bilgilerimde yok. Kişisel danışmanlık da yapamıyorum.
    Ağ hakkında daha fazla bilgiyi iletişim kişilerinden alabilirsiniz: /contact

faq-goals-title = Ağın hedefleri nelerdir?
faq-goals-answer =
    Ağ kurulmadan önce bir proje vardı. Projenin ana hedefleri şunlardı:
    • Şeffaflık: Göç ve uyum konusunda hangi etkinliklerin ve hizmetlerin olduğu görülebilmeli.
    • Ağ kurma: Kurumlar birbirini tanımalı ve birlikte çalışmalı.
    • Stratejik yönetim: Çalışmalar açık bir plana göre yürümeli.

    En başından beri ayrıca şunlar isteniyordu:
    • göçmenlerin günlük hayatındaki sorunları ele almak,
    • bu sorunlar için tek bir kuruma değil, birçok kuruma uyan çözümler aramak,
    • yapıları iyileştiren bazı adımlar atmak. Amaç: Göçmen kökenli insanların uyumu ve günlük hayatı daha iyi olsun.

    Böylece ortak çalışma şu hedeflerle başladı: şeffaflık, ağ kurma ve iş birliği.

faq-achievements-title = Ağ sayesinde neler oluştu?
faq-achievements-answer =
    Ortak çalışma sayesinde kalıcı bir ağ oluştu:
    • 27.02.2008 tarihinde ağ sözleşmesi (Netzwerkvereinbarung) imzalandı. Bu, ortak ve yazılı bir anlaşmadır.
    • Ağın belli bir düzeni var: proje grubu, çekirdek grup ve çalışma grupları.
    • Proje grubu düzenli olarak, yılda dört-altı kez toplanır. Üyeler orada bilgi alışverişi yapar ve ortak etkinlikler planlar.
    • Üye sayısı sürekli arttı. Şu anda 48 üye var.
    • 2006 yılının sonunda bir dış değerlendirme, projedeki iş birliğini “eşit düzeyde katılım kültürü” olarak tanımladı.

    Ağın bunların dışında neler başardığı bilgilerimde yok.
    Daha fazla bilgiyi iletişim kişilerinden alabilirsiniz: /contact

## Mitmachen

faq-benefits-title = İş birliğinin faydaları nelerdir?
faq-benefits-answer =
    widunetz bir kurumlar ağıdır. Kurumlar sıkı bir iş birliği yaptığında:
    • birbirini tanıyabilir,
    • birbirine bilgi verebilir,
    • güncel konularda görüşüp anlaşabilir,
    • ortak etkinlikler planlayabilir,
    • göçmenlerin günlük hayatındaki sorunlara birlikte çözüm arayabilir.

    Amaç: Göçmen kökenli insanların uyumu ve günlük hayatı daha iyi olsun.

    Daha fazla bilgiyi iletişim kişilerinden alabilirsiniz: /contact

faq-join-title = widunetz'e nasıl katılabilirim?
faq-join-answer =
    Siz veya kurumunuz widunetz'e katılmak mı istiyorsunuz? Lütfen iletişim kişilerine sorun:

    { contact-people }

    widunetz'in üyeleri kurum ve kuruluşlardır. Şu anda proje grubunda 48 üye var.
    Nasıl üye olunduğu ve tek tek kişilerin de katılıp katılamayacağı bilgilerimde yok.

## Geschichte

faq-founding-title = widunetz nasıl kuruldu?
faq-founding-answer =
    widunetz 27.02.2008 tarihinde kuruldu. O gün ağ sözleşmesi (Netzwerkvereinbarung) imzalandı.

    Daha önce “Migrationsvernetzung im Kreis Herford” adında bir proje vardı. Anlamı: Herford ilçesinde göç alanında çalışan kurumları birbirine bağlamak. Proje Temmuz 2005'te başladı.
    Fikir üç sosyal yardım kuruluşundan geldi: Arbeiterwohlfahrt (AWO), Caritas (Katolik) ve Diakonisches Werk (DW, Protestan).
    Projenin koordinasyonunu Herford ilçe yönetimi (Kreis Herford) yaptı. Yani: Katılanların çalışmalarını birbiriyle uyumlu hâle getirdi.
    Herford ilçe yönetimi, projeyi AWO ile birlikte yönetti.
    Katılanlar projede Herford ilçesindeki göç konusunu yoğun bir şekilde ele aldı.
    Bir proje grubunda bütün önemli adımlar üzerinde görüşüp anlaştılar. Bu, dört proje aşaması boyunca sürdü. Proje aşaması, projenin bir bölümüdür.
    Yaklaşık iki buçuk yıllık ortak çalışmadan sonra ağ böyle ortaya çıktı.
    Ağ, 2008'deki beşinci proje aşamasında ağ sözleşmesine göre yeniden düzenlendi.

faq-funding-title = Projeyi kim destekledi?
faq-funding-answer =
    “Migrationsvernetzung im Kreis Herford” projesini Nordrhein-Westfalen eyaleti (Kuzey Ren-Vestfalya, kısaca NRW) destekledi. Yani: Eyalet projeye para verdi.
    widunetz bu projeden doğdu.
    Destek, 2005 yılının ortasından itibaren “KOMM-IN NRW – Innovation in der kommunalen Integrationsarbeit” programından geldi. Bu, eyaletin bir destek programıdır. Adının anlamı: Belediyelerin uyum çalışmalarında yenilik.
    Projenin bir internet sitesi de vardı. O da bu programdan desteklendi.
    Parayı Herford ilçe yönetimi (Kreis Herford) aldı.

    Bu destek artık sona erdi.
    widunetz'in bugün nasıl finanse edildiği bilgilerimde yok.
    Lütfen iletişim kişilerine sorun: /contact

faq-agreement-title = Ağ sözleşmesi nedir?
faq-agreement-answer =
    Ağ sözleşmesi (Netzwerkvereinbarung) ortak ve yazılı bir anlaşmadır.
    27.02.2008 tarihinde imzalandı. Bu, widunetz'in kurulduğu gündür.

    İmzalayanlar:
    • Herford ilçesindeki bütün belediye başkanları
    • Herford ilçesinin en üst yöneticisi (Landrätin)
    • AWO'nun Ostwestfalen-Lippe bölge birliğinin başkanı (AWO bir sosyal yardım kuruluşudur)
    • Caritas birliğinin müdürü (Caritas: Katolik sosyal yardım kuruluşu)
    • Alman Kızılhaçı'nın Herford-Stadt ilçe şubesinin müdürü (DRK Kreisverband Herford-Stadt e.V.)
    • Diakonie'nin müdürü (Diakonie: Protestan sosyal yardım kuruluşu; diğer adı Diakonisches Werk, kısaca DW)
    • Fachforum Migration'un başkanı (göç konusunda bir uzmanlar forumu)

    Ağ, 2008'de bu sözleşmeye göre yeniden düzenlendi. Yeni düzende proje grubu, çekirdek grup ve çalışma grupları var.
    Sözleşmede başka neler yazdığı bilgilerimde yok.

faq-evaluation-title = 2006 değerlendirmesi ne dedi?
faq-evaluation-answer =
    2006 yılının sonunda projedeki çalışma dışarıdan incelendi. Buna dış değerlendirme denir.
    Değerlendirme, iş birliğini “eşit düzeyde katılım kültürü” olarak tanımladı.
    Yani: Herkes söz sahibiydi ve herkes eşit derecede önemliydi.
    Değerlendirmenin başka sonuçları bilgilerimde yok.

    Projedeki iş birliği şöyleydi: Katılanlar sık sık görüşüp anlaştı ve birbirine bilgi verdi.
    Katılanlar:
    • sosyal yardım kuruluşları
    • şehirler ve belediyeler
    • Herford ilçe yönetimi (Kreis Herford)
    • göç konusunda çalışan başka kurumlar

## Aufbau

faq-structure-title = widunetz'in yapısı nasıl?
faq-structure-answer =
    widunetz ağında üç tür grup var:
    • Proje grubu (Projektgruppe): Yılda dört-altı kez toplanır. Üyeler bilgi alışverişi yapar, görüşüp anlaşır ve ortak etkinlikler planlar.
    • Çekirdek grup (Kerngruppe): Proje grubunun toplantılarını hazırlar.
    • Çalışma grupları (Arbeitsgruppen): Her çalışma grubunun belli bir konusu var.

    Bu yapı 2008'den beri var. 2008'de ağ, 27.02.2008 tarihli ağ sözleşmesine göre yeniden düzenlendi.
    Hangi çalışma gruplarının olduğu bilgilerimde yok.

faq-core-group-title = Çekirdek grup ne yapar?
faq-core-group-answer =
    Çekirdek grup (Kerngruppe), proje grubunun toplantılarını hazırlar. Bu, onun ana görevidir.
    Toplantılarda hangi konuların konuşulacağını ve nasıl ilerleneceğini önceden düşünür.

    Çekirdek grupta kimlerin olduğu ve grubun ne sıklıkla toplandığı bilgilerimde yok.
    Lütfen iletişim kişilerine sorun: /contact

faq-project-group-title = Proje grubu ne yapar?
faq-project-group-answer =
    Proje grubu (Projektgruppe) düzenli olarak, yılda dört-altı kez toplanır.
    Toplantılarda üyeler:
    • bilgi alışverişi yapar,
    • güncel konularda görüşüp anlaşır,
    • ortak etkinlikler planlar.

    Şu anda widunetz proje grubunda 48 üye var. Bütün üyelerin listesi bilgilerimde yok.

    Ağ kurulmadan önceki projede de bir proje grubu vardı. Bu grubu şu kurumların temsilcileri oluşturdu:
    • Herford ilçe yönetimi (Kreis Herford)
    • ilçedeki şehirler ve belediyeler
    • AWO (Arbeiterwohlfahrt, bir sosyal yardım kuruluşu)
    • Caritas (Katolik sosyal yardım kuruluşu)
    • Diakonisches Werk (DW, Protestan sosyal yardım kuruluşu)
    • DRK (Alman Kızılhaçı)

faq-members-title = widunetz'in kaç üyesi var?
faq-members-answer =
    widunetz proje grubunda (Projektgruppe) şu anda 48 üye var.
    Üyeler kurumlardır, yani çeşitli kurum ve kuruluşlar.
    Ağ kurulduğundan beri üye sayısı sürekli arttı.

    Ağ kurulmadan önceki projede (2005'ten itibaren) proje grubunu şu kurumların temsilcileri oluşturdu:
    • Herford ilçe yönetimi (Kreis Herford)
    • ilçedeki şehirler ve belediyeler
    • AWO (Arbeiterwohlfahrt, bir sosyal yardım kuruluşu)
    • Caritas (Katolik sosyal yardım kuruluşu)
    • Diakonisches Werk (DW, Protestan sosyal yardım kuruluşu)
    • DRK (Alman Kızılhaçı)

    48 üyenin tam listesi bilgilerimde yok.
    Lütfen iletişim kişilerine sorun: /contact

## Kontakt

faq-contact-title = İletişim kişileri kimler?
faq-contact-answer =
    widunetz'in ana iletişim kişileri şunlardır:

    { contact-people }

    Onları telefonla arayabilir veya onlara e-posta gönderebilirsiniz.
    Adres ve görüşme saatleri bilgilerimde yok.

contact-people =
    Marie Chaput
    Kreis Herford - Kommunales Integrationszentrum (Herford İlçe Yönetimi, Yerel Uyum Merkezi)
    Telefon: 05221-131121
    E-posta: m.j.chaput@kreis-herford.de

    Iris Wolter
    AWO-Fachdienste für Migration und Integration (AWO'nun göç ve uyum hizmetleri; AWO bir sosyal yardım kuruluşudur)
    Telefon: 05732-905211
    E-posta: fmi.loehne@awo-owl.de
