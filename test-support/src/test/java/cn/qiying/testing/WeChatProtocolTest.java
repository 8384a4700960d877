package cn.qiying.testing;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class WeChatProtocolTest {

    // WeChat's published sample for message encryption
    private static final String AES_KEY = "abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG";
    private static final String APP_ID = "wxb11529c136998cb6";

    @Test
    void encryptsWeChatsPublishedSampleExactly() {
        String encrypted = WeChatProtocol.encrypt(AES_KEY, APP_ID, "aaaabbbbccccdddd", "我是中文abcd123");
        assertThat(encrypted).isEqualTo("jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==");
    }

    @Test
    void decryptsWhatItEncryptedWithTheAppId() {
        String xml = "<xml><Content><![CDATA[营业执照怎么办]]></Content></xml>";
        WeChatProtocol.Decrypted decrypted = WeChatProtocol.decrypt(AES_KEY,
                WeChatProtocol.encrypt(AES_KEY, APP_ID, "0123456789abcdef", xml));
        assertThat(decrypted.message()).isEqualTo(xml);
        assertThat(decrypted.appId()).isEqualTo(APP_ID);
    }

    @Test
    void signsTheSortedPartsWithSha1() {
        // sha1("1409304348" + "pamtest" + "xxxxxx") with the parts sorted
        assertThat(WeChatProtocol.signature("pamtest", "1409304348", "xxxxxx"))
                .isEqualTo(WeChatProtocol.signature("xxxxxx", "pamtest", "1409304348"))
                .hasSize(40);
        assertThat(WeChatProtocol.signature("a", "b")).isEqualTo("da23614e02469a0d7c7bd1bdab5c9c474b1904dc"); // sha1("ab")
    }
}
