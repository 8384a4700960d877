package cn.qiying.bot.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import cn.qiying.bot.text.ChineseText;

class SlotExtractorTest {

    private final SlotExtractor extractor = new SlotExtractor(List.of("历下区", "市中区", "历城区", "高新区", "章丘区"), 10);

    private SlotExtractor.Extraction read(String text, Slot awaiting, boolean opening) {
        return extractor.extract(ChineseText.normalize(text), awaiting, opening);
    }

    @Test
    void takesSeveralSlotsFromOneMessage() {
        var x = read("我是历下区的济南某某公司，电话13800000000", Slot.ENTERPRISE, false);
        assertThat(x.values()).containsEntry(Slot.DISTRICT, "历下区").containsEntry(Slot.ENTERPRISE, "济南某某公司")
                .containsEntry(Slot.PHONE, "13800000000").doesNotContainKey(Slot.CONTACT);
        assertThat(x.problems()).isEmpty();
    }

    @Test
    void takesContactPhoneAndCreditCodeTogether() {
        var x = read("联系人张三，手机 138 0000 1111，信用代码91370100MA3C8R1K2G", Slot.CONTACT, false);
        assertThat(x.values()).containsEntry(Slot.CONTACT, "张三").containsEntry(Slot.PHONE, "13800001111")
                .containsEntry(Slot.CREDIT_CODE, "91370100MA3C8R1K2G");
    }

    @Test
    void aCorrectionNamesTheSlotAndTheNewValue() {
        var x = read("电话写错了，是13900000000", Slot.DISTRICT, false);
        assertThat(x.values()).containsOnlyKeys(Slot.PHONE).containsEntry(Slot.PHONE, "13900000000");
        var y = read("联系人改为李四", null, false);
        assertThat(y.values()).containsEntry(Slot.CONTACT, "李四");
        var z = read("电话写错了", null, false);
        assertThat(z.values()).isEmpty();
        assertThat(z.correctionTarget()).isEqualTo(Slot.PHONE);
    }

    @Test
    void publishedCreditCodesOfRealEnterprisesAreTakenInUpperCase() {
        for (String code : new String[] {"91330100716105852F", "9144030071526726XG", "914403001922038216"}) {
            assertThat(read("信用代码 " + code.toLowerCase(), null, false).values()).containsEntry(Slot.CREDIT_CODE, code);
        }
    }

    @Test
    void anInvalidCreditCodeOrPhoneIsAProblemNotAValue() {
        var x = read("91370100MA3C8R1K2H", Slot.CREDIT_CODE, false);
        assertThat(x.values()).doesNotContainKey(Slot.CREDIT_CODE);
        assertThat(x.problems()).extracting(SlotExtractor.Problem::slot).containsExactly(Slot.CREDIT_CODE);
        var y = read("138000", Slot.PHONE, false);
        assertThat(y.problems()).extracting(SlotExtractor.Problem::slot).containsExactly(Slot.PHONE);
    }

    @Test
    void theOpeningMessageGivesKindAndDescription() {
        var x = read("我要投诉：某部门办理施工许可证拖了两个月还没有结果", null, true);
        assertThat(x.values()).containsEntry(Slot.KIND, "complaint")
                .containsEntry(Slot.DESCRIPTION, "某部门办理施工许可证拖了两个月还没有结果");
    }

    @Test
    void aShortDescriptionIsAskedAgain() {
        assertThat(read("太慢了", Slot.DESCRIPTION, false).problems()).extracting(SlotExtractor.Problem::messageKey)
                .containsExactly("invalid.description");
    }

    @Test
    void anAnswerToTheQuestionAskedIsTakenWhole() {
        assertThat(read("济南明湖机械厂", Slot.ENTERPRISE, false).values()).containsEntry(Slot.ENTERPRISE, "济南明湖机械厂");
        assertThat(read("王五", Slot.CONTACT, false).values()).containsEntry(Slot.CONTACT, "王五");
        assertThat(read("天桥区", Slot.DISTRICT, false).values()).containsEntry(Slot.DISTRICT, "天桥区");
        assertThat(read("不清楚", Slot.DISTRICT, false).problems()).isNotEmpty();
        assertThat(read("2", Slot.KIND, false).values()).containsEntry(Slot.KIND, "complaint");
    }

    @Test
    void aCompanyMentionedInADescriptionIsNotTheEnterprise() {
        var x = read("济南甲公司拖欠我们货款三个月了，多次催要无果", Slot.DESCRIPTION, false);
        assertThat(x.values()).containsOnlyKeys(Slot.DESCRIPTION);
    }
}
