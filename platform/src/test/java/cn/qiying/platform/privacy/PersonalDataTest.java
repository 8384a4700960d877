package cn.qiying.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PersonalDataTest {

    @Test
    void masksPhonesAndCreditCodesInsideText() {
        String masked = PersonalData.maskText("企业91370100MA3C8R1K2G联系人电话13800001234，座机0531-88889999");
        assertThat(masked).doesNotContain("13800001234", "91370100MA3C8R1K2G", "88889999")
                .contains("138****1234", "9137************2G", "0531-****99");
    }

    @Test
    void leavesTicketNumbersAndShortNumbersAlone() {
        assertThat(PersonalData.maskText("工单QY202611220001已受理，3个工作日")).isEqualTo("工单QY202611220001已受理，3个工作日");
    }

    @Test
    void masksAllButTheFamilyName() {
        assertThat(PersonalData.maskName("张三丰")).isEqualTo("张**");
        assertThat(PersonalData.maskName("李")).isEqualTo("李*");
    }
}
