# Turkish user interface texts for widunetz-bot (translated from locales/de/ui.ftl):
# greeting, help, menus, buttons, errors, small talk, privacy note,
# Telegram command descriptions and the local terminal chat.
# Variables: topic-questions uses $topic, language-unknown uses $languages,
# did-you-mean uses $count, privacy uses $recording ("on"/"off") and $days.
# Menu and button labels are short nouns ("Konular", "Dil seçimi").

language-name = Türkçe

## Begrüßung und Hilfe

welcome =
    Merhaba, hoş geldiniz!
    Ben bir sohbet botuyum. widunetz ağı hakkındaki soruları cevaplıyorum: tarihçe, hedefler, yapı ve iletişim kişileri. Kişisel danışmanlık yapamıyorum.
    Sorunuzu Almanca, Türkçe, Rusça, Arapça, İngilizce, Ukraynaca veya Farsça (Dari) yazın. Ya da aşağıdan bir konu seçin.

help =
    Beni şöyle kullanabilirsiniz:
    Sorunuzu kendi kelimelerinizle yazmanız yeterli.
    Sadece widunetz ağı hakkındaki soruları cevaplıyorum. Kişisel danışmanlık yapamıyorum.

    /topics – Konular
    /contact – İletişim kişileri
    /language – Dil seçimi
    /privacy – Gizlilik
    /forget – Kayıtlı dili sil
    /help – Yardım

topics-title = Lütfen bir konu seçin:
topic-questions = “{ $topic }” konusundaki sorular:
did-you-mean =
    { $count ->
        [1] Şu soruyu mu sormak istediniz?
       *[other] Şu sorulardan birini mi sormak istediniz?
    }
no-match = Üzgünüm, bu soruya bir cevabım yok.
no-match-contacts = Sadece widunetz ağı hakkındaki soruları cevaplıyorum. Ağ hakkındaki sorularınız için şu iletişim kişilerine ulaşabilirsiniz:
related-title = Bunlar da ilginizi çekebilir:
empty-question = Mesajınızda hiç kelime bulamadım. Lütfen sorunuzu kelimelerle yazın.
question-too-long = Mesajınız çok uzundu. Sadece ilk kısmını okudum.

## Smalltalk

smalltalk-hello = Merhaba, hoş geldiniz! widunetz hakkında bana soru sorabilirsiniz.
smalltalk-greeting = Size de! widunetz hakkında bir sorunuz olursa bana istediğiniz zaman yazabilirsiniz.
smalltalk-thanks = Rica ederim! Başka bir sorunuz var mı?
smalltalk-bye = Hoşça kalın! Bana istediğiniz zaman tekrar yazabilirsiniz.
smalltalk-who =
    Ben bir sohbet botuyum, yani bir bilgisayar programıyım. İnsan değilim.
    widunetz ağı hakkındaki soruları cevaplıyorum.
    Bir insanla konuşmak için iletişim kişilerini arayabilir veya onlara e-posta gönderebilirsiniz: /contact

## Sprache

language-changed = Artık size Türkçe cevap vereceğim.
language-unknown = Bu dili maalesef bilmiyorum. Seçebileceğiniz diller: { $languages }
language-choose = Lütfen dilinizi seçin:

## Fehler und Hinweise

error-generic = Bir sorun oldu. Lütfen tekrar deneyin.
unknown-command = Bu komutu bilmiyorum. Neler yapabildiğimi /help ile görebilirsiniz.
non-text-hint = Sadece yazılı mesajları okuyabilirim. Sesli mesajları, resimleri ve çıkartmaları anlayamıyorum. Lütfen sorunuzu yazın.
entry-gone = Bu soru artık yok. Lütfen tekrar seçin.
flood-notice = Çok hızlı yazıyorsunuz. Lütfen biraz bekleyin.

## Lokaler Chat im Terminal

chat-intro =
    widunetz botu ile yerel sohbet.
    Bir soru yazın ve Enter tuşuna basın.
    /topics – Konular
    /language de|tr|ru|ar – Dil seçimi
    /privacy – Gizlilik
    /help – Yardım
    /quit – Çıkış
chat-no-token =
    TELOXIDE_TOKEN ayarlanmamış. Bu yüzden burada yerel bir sohbet başlıyor.
    Telegram için: TELOXIDE_TOKEN değerini ayarlayın (@BotFather'dan alınan token) ve şunu çalıştırın: widunetz-bot serve
chat-pick-number = Bir sorunun numarasını da yazabilirsiniz.
chat-bye = Hoşça kalın!

## Befehlsmenü in Telegram (höchstens 60 Zeichen)

cmd-start = Karşılama ve konular
cmd-help = Kullanım yardımı
cmd-topics = Bütün konular
cmd-contact = widunetz iletişim kişileri
cmd-language = Dil seçimi
cmd-privacy = Gizlilik: Bot neleri kaydediyor?
cmd-forget = Kayıtlı dili sil

## Datenschutz

privacy =
    Gizlilik: Bu bot neleri kaydediyor?

    1. Diliniz
    Bir dil seçerseniz, bot bu dili bu sohbetin numarasıyla (sohbet kimliği, Chat-ID) birlikte kaydeder. Özel bir sohbette bu numara, Telegram hesabınızın numarasıdır.
    /forget ile ikisini de silebilirsiniz.

    2. 👍 ve 👎
    Bot, 👍 ve 👎 düğmelerine kaç kez basıldığını sayar. Kimin bastığını kaydetmez.

    3. Kesin cevabı olmayan sorular
    { $recording ->
        [on]
            Bazen bot bir soruya kesin bir cevap veremez. O zaman sorunun metnini, sizin yazdığınız gibi kaydeder. Sadece uzun sayılar ve e-posta adresleri gizlenir. Yani soruda bir isim veya tarih varsa, o da kaydedilir.
            Ama bot, Telegram'daki adınızı ve sohbet kimliğini bu sorularla birlikte kaydetmez.
            Botu işletenler, botu iyileştirmek için bu soruları okur.
            Ayrıca bir soruyu örnek olarak botun sorularına ekleyebilirler. O zaman soru orada kayıtlı kalır.
            Bir cevabın altında 👎 düğmesine basarsanız, bot o sorunuzu da aynı şekilde kaydeder. Böylece botu işletenler hangi cevabın uymadığını görür.
            Bir soru { $days } gün boyunca tekrar sorulmazsa silinir. /forget bu soruları silemez, çünkü sorular sohbetinizle bağlantılı değildir.
            Bu yüzden lütfen sorularınıza kişisel bilgiler yazmayın, örneğin adınızı, adresinizi veya doğum tarihinizi.
       *[off] Bot bu soruları kaydetmez.
    }

    4. Mesajınız
    Bot mesajınızı sadece cevap verene kadar kaydeder. Bu çoğu zaman birkaç saniye sürer. Sonra mesajı siler.
    Bot ayrıca son cevabındaki düğmeleri ve son sorunuzun dilini aklında tutar. Böylece bir sonraki mesajınızı daha iyi anlar. Bot soruları kaydediyorsa (3. maddeye bakın), 👎 düğmesine basarsanız diye cevap verdiği son sorunuzu da aklında tutar. Bunlar bir dosyaya kaydedilmez. Bir gün boyunca hiçbir şey yazmazsanız silinir. /forget ile hemen silebilirsiniz.

    Telegram, sohbeti kendisi de saklar. Bunun için Telegram'ın kuralları geçerlidir.
forget-done = Tamam. Bu sohbet için kayıtlı dil ve sohbet kimliği silindi.

## Knöpfe und Rückmeldung

button-back = ◀ Geri
button-german = 🇩🇪 Almancasını göster
button-topics = 📋 Konular
feedback-question = Bu cevap işinize yaradı mı?
feedback-thanks = Geri bildiriminiz için teşekkürler!

## Yönetici komutları (sadece başlangıçta yönetici olarak kaydedilen sohbetlerde)

admin-reload-done = Yeniden yüklendi. Şimdi { $generation } numaralı içerik geçerli (uyarı: { $warnings }).
admin-reload-failed = Yeniden yüklenmedi, hata: { $count }. Bot eski içerikle cevap vermeye devam ediyor.
admin-stats =
    Kayıtlar: { $entries }
    Diller: { $languages }
    Başlangıçtan beri yeniden yükleme: { $generation }
    Dil seçilmiş sohbetler: { $chats }
    Cevapsız sorular: { $unanswered } (toplam { $asked } kez soruldu)
    Geri bildirimler: 👍 { $up } · 👎 { $down }
admin-unanswered-none = Kaydedilmiş cevapsız soru yok.
admin-feedback-none = Cevabında 👎 düğmesine basılmış kayıtlı soru yok.
admin-review-unanswered =
    Kesin cevabı olmayan soru { $pos }/{ $total } ({ $count } kez soruldu, dil: { $lang }):
    “{ $question }”
    Bu soru hangi cevaba ait?
admin-review-downvoted =
    👎 alan soru { $pos }/{ $total } ({ $count } kez, dil: { $lang }):
    “{ $question }”
    Bot “{ $title }” cevabını verdi. Bu soru hangi cevaba ait?
admin-review-button-choose = Başka bir cevap seç …
admin-review-button-out-of-scope = 🚫 Bizim konumuz değil
admin-review-button-skip = Geç ▶
admin-review-choose-title = “{ $question }” hangi cevaba ait?
admin-review-added = Kaydedildi: Soru artık “{ $title }” cevabına ait.
admin-review-already = Bu soru zaten “{ $title }” cevabında vardı.
admin-review-added-out-of-scope = Kaydedildi: Soru artık “Bizim konumuz değil” listesinde.
admin-review-already-out-of-scope = Bu soru zaten “Bizim konumuz değil” listesindeydi.
admin-review-now-answered = Yeniden soruldu: Bot artık “{ $title }” ile cevap veriyor. ✅
admin-review-now-no-match = Yeniden soruldu: Bot artık bu konuda cevabı olmadığını söylüyor ve iletişim kişilerini gösteriyor. ✅
admin-review-still-other = Yeniden soruldu: Bot hâlâ “{ $title }” ile cevap veriyor. Soru oraya mı ait olabilir? Değilse, seçtiğiniz cevaba bu kelimelerle birkaç soru daha ekleyin.
admin-review-still-suggestions = Yeniden soruldu: Bot hâlâ emin değil ve seçmek için cevaplar gösteriyor ({ $titles }). Benzer bir iki soru daha eklemek yardımcı olur.
admin-review-still-no-match = Yeniden soruldu: Bot hâlâ bir cevap bulamıyor. Benzer bir iki soru daha eklemek yardımcı olur.
admin-review-still-smalltalk = Yeniden soruldu: Bot bu soruyu selamlama, teşekkür, vedalaşma, yardım isteği veya “Sen kimsin?” gibi bir sohbet cümlesi sanıyor.
admin-review-not-reloaded = Kaydedildi, ama yeniden yüklenmedi: İçerikte hata var ({ $count }). Lütfen “widunetz-bot check” komutunu çalıştırın.
admin-review-failed = Hiçbir şey kaydedilmedi: { $file } okunamadı veya yazılamadı. Ayrıntılar botun kayıt dosyasında (log).
admin-review-failed-lang = Hiçbir şey kaydedilmedi: Botta “{ $lang }” dili yok (locales/{ $lang } klasörü eksik).
admin-review-outdated = Bu liste artık güncel değil. Lütfen /unanswered veya /feedback komutunu yeniden gönderin.
admin-review-end = Listenin son sorusu buydu.
