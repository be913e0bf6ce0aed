# Turkish user interface texts for widunetz-bot (translated from locales/de/ui.ftl):
# greeting, help, menus, buttons, errors, small talk, privacy note,
# Telegram command descriptions and the local terminal chat.
# Variables: topic-questions uses $topic, language-unknown uses $languages.

language-name = Türkçe

## Begrüßung und Hilfe

welcome =
    Merhaba, hoş geldiniz!
    Ben widunetz'in soru-cevap botuyum. widunetz hakkındaki soruları cevaplıyorum: tarihçe, hedefler, yapı ve iletişim kişileri.
    Sorunuzu Almanca, Türkçe, Rusça veya Arapça yazın. Ya da bir konuya dokunun.

help =
    Beni şöyle kullanabilirsiniz:
    Sorunuzu kendi kelimelerinizle yazın.

    /topics – Konular
    /contact – İletişim kişileri
    /language – Dil seçin
    /privacy – Veri koruma
    /forget – Kayıtlı ayarları silin
    /help – Bu yardım

topics-title = Lütfen bir konu seçin:
topic-questions = “{ $topic }” konusundaki sorular:
did-you-mean = Bu sorulardan birini mi demek istediniz?
no-match = Özür dilerim, bu soruya maalesef bir cevabım yok.
no-match-contacts = Bu kişiler size memnuniyetle yardımcı olur:
related-title = Bunlar da ilginizi çekebilir:
empty-question = Mesajınız boş. Lütfen bir soru yazın.
question-too-long = Mesajınız çok uzundu. Sadece ilk kısmını okudum.

## Smalltalk

smalltalk-hello = Merhaba! Burada olmanıza sevindim. widunetz hakkında bana soru sorabilirsiniz.
smalltalk-thanks = Rica ederim! Başka bir sorunuz var mı?
smalltalk-bye = Hoşça kalın! Bana istediğiniz zaman tekrar yazabilirsiniz.
smalltalk-who =
    Ben widunetz'in soru-cevap botuyum.
    Ben bir bilgisayar programıyım, insan değilim.
    Ağ hakkındaki soruları cevaplıyorum.

## Sprache

language-changed = Artık size Türkçe cevap vereceğim.
language-unknown = Bu dili maalesef bilmiyorum. Seçebileceğiniz diller: { $languages }
language-choose = Lütfen dilinizi seçin:

## Fehler und Hinweise

error-generic = Bir sorun oldu. Lütfen tekrar deneyin.
unknown-command = Bu komutu bilmiyorum. Neler yapabildiğimi /help ile görebilirsiniz.
non-text-hint = Sadece yazı okuyabilirim. Lütfen sorunuzu yazın.
entry-gone = Bu soru artık yok. Lütfen tekrar seçin.
flood-notice = Çok hızlı yazıyorsunuz. Lütfen biraz bekleyin.

## Lokaler Chat im Terminal

chat-intro =
    widunetz botu ile yerel sohbet.
    Bir soru yazın ve Enter tuşuna basın.
    /topics – Konuları göster
    /language de|tr|ru|ar – Dil seçin
    /help – Yardım
    /quit – Sohbeti bitir
chat-no-token =
    TELOXIDE_TOKEN ayarlanmamış. Bu yüzden burada yerel bir sohbet başlıyor.
    Telegram için: TELOXIDE_TOKEN değerini ayarlayın (@BotFather'dan alınan token) ve şunu çalıştırın: widunetz-bot serve
chat-pick-number = Bir sorunun numarasını da yazabilirsiniz.
chat-bye = Hoşça kalın!

## Befehlsmenü in Telegram (höchstens 60 Zeichen)

cmd-start = Karşılama ve konular
cmd-help = Kullanım yardımı
cmd-topics = Bütün konuları göster
cmd-contact = widunetz iletişim kişileri
cmd-language = Dil seçin
cmd-privacy = Veri koruma: Bot neleri kaydeder
cmd-forget = Kayıtlı ayarları silin

## Datenschutz

privacy =
    Veri koruma: Bu bot şunları kaydeder
    • bu sohbette seçilen dil – siz /forget gönderene kadar
    • her cevap için 👍 ve 👎 sayıları, isim olmadan (anonim)
    • cevap veremediğim sorular – isim, kullanıcı numarası (ID) ve sohbet numarası (ID) olmadan. Bu sorular 90 gün sonra silinir.
    • mesajınız – sadece cevaplanana kadar (çoğu zaman birkaç saniye). Sonra silinir.

    Bot bunların dışında hiçbir şey kaydetmez.
    Kayıtlı dili /forget ile silebilirsiniz.
forget-done = Tamam. Bu sohbet için kayıtlı dil silindi.

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
admin-unanswered-title = Kesin cevabı olmayan sorular, en sık sorulanlar başta:
