package cn.qiying.bot.dialog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import cn.qiying.bot.BotTestApplication;
import cn.qiying.bot.Dialog;
import cn.qiying.bot.MovableClock;
import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.ticket.Complexity;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.TicketTransitions;
import cn.qiying.knowledge.entry.EntryDraft;
import cn.qiying.knowledge.entry.KnowledgeEntries;
import cn.qiying.testing.RealRedis;

/** Scripted conversations with the real dialog, knowledge and ticket desk against a real Redis. */
@ExtendWith(RealRedis.class)
@SpringBootTest(classes = BotTestApplication.class)
abstract class ConversationTest {

    /** A valid unified social credit code (its check character is right). */
    static final String USCC = "91370100MA3C8R1K2G";
    static final Pattern TICKET_NO = Pattern.compile("QY[0-9]{12}");
    static final Actor ADMIN = new Actor("admin", Set.of(StaffRole.ADMIN), null);

    @Autowired
    Dialog dialog;
    @Autowired
    MovableClock clock;
    @Autowired
    AppealDesk desk;
    @Autowired
    Conversations conversations;
    @Autowired
    TicketTransitions transitions;
    @Autowired
    Departments departments;
    @Autowired
    KnowledgeEntries knowledge;

    @BeforeEach
    void mondayMorningWithKnowledgeAndADepartment() {
        clock.set(BotTestApplication.MONDAY_MORNING);
        if (knowledge.find("kb-licence").isEmpty()) {
            knowledge.save(entry("kb-licence", "如何办理营业执照？", List.of("营业执照怎么申请", "开公司要办什么证"),
                    "携带身份证到政务服务中心市场监管窗口申请，或在网上登记系统办理，一般3个工作日内办结。", "市场准入", "市场监管局",
                    "https://example.gov.cn/policy/licence"), "test");
            knowledge.save(entry("kb-social", "企业如何为员工办理社保登记？", List.of("新员工社保怎么交", "单位社保开户"),
                    "用工之日起30日内在社保经办机构为员工办理参保登记。", "社保就业", "人社局", null), "test");
            knowledge.save(entry("kb-patent", "怎样申请发明专利？", List.of("专利申请流程", "发明专利怎么报"),
                    "向国家知识产权局提交申请文件，经初审、公布、实质审查后授权。", "知识产权", "市场监管局", null), "test");
            knowledge.save(entry("kb-refund", "增值税留抵退税怎么申请？", List.of("留抵退税办理流程", "增值税退税条件"),
                    "符合条件的纳税人可在申报期内通过电子税务局提交留抵退税申请。", "税费", "税务局", null), "test");
            knowledge.save(entry("kb-invoice", "增值税专用发票怎么申领？", List.of("专票领用", "增值税发票如何开具"),
                    "新办纳税人可通过电子税务局申领增值税专用发票，首次领用需实名验证。", "税费", "税务局", null), "test");
        }
        if (departments.find("scjg").isEmpty()) {
            departments.save(new Department("scjg", "市场监管局", List.of("历下区")));
        }
    }

    static EntryDraft entry(String id, String question, List<String> similar, String answer, String category,
                            String department, String sourceUrl) {
        return new EntryDraft(id, question, similar, answer, category, department, List.of(), sourceUrl, null, null);
    }

    Chat chat() {
        return new Chat("mp", "wx-test", "o-" + UUID.randomUUID());
    }

    /** One user talking to the bot. */
    final class Chat {

        final String channel;
        final String appId;
        final String openId;
        List<Reply> last = List.of();

        Chat(String channel, String appId, String openId) {
            this.channel = channel;
            this.appId = appId;
            this.openId = openId;
        }

        String userKey() {
            return channel + ":" + appId + ":" + openId;
        }

        String say(String text) {
            return send(UserMessage.text(channel, appId, openId, text, UUID.randomUUID().toString(), clock.instant()));
        }

        String click(String key) {
            return send(new UserMessage(channel, appId, openId, UserMessage.Kind.MENU_CLICK, key, null, null, null, clock.instant()));
        }

        String scan(UserMessage.Kind kind, String scene) {
            return send(new UserMessage(channel, appId, openId, kind, null, null, scene, null, clock.instant()));
        }

        String photo(String mediaId) {
            return send(new UserMessage(channel, appId, openId, UserMessage.Kind.IMAGE, null,
                    new UserMessage.Media(mediaId, "https://media.example/" + mediaId, "image/jpeg"), null,
                    UUID.randomUUID().toString(), clock.instant()));
        }

        String send(UserMessage message) {
            last = dialog.handle(message);
            return last.stream().map(Reply::asText).collect(Collectors.joining("\n"));
        }

        /** Goes through a whole appeal the short way and returns the ticket number. */
        String fileAppeal(String description) {
            say("我要求助：" + description);
            say("我是历下区的济南明泉精密机械有限公司，联系人张三，电话13800000000");
            say(USCC);
            say("跳过");
            String done = say("确认");
            return ticketNo(done);
        }
    }

    static String ticketNo(String text) {
        Matcher m = TICKET_NO.matcher(text);
        assertThat(m.find()).as("a ticket number in: %s", text).isTrue();
        return m.group();
    }

    /** Moves a ticket through the desk until it awaits the enterprise's rating. */
    void resolveAndReview(String no) {
        transitions.perform(no, new TicketAction.Triage(Complexity.GENERAL, null), ADMIN);
        transitions.perform(no, new TicketAction.Assign("scjg", null), ADMIN);
        transitions.perform(no, new TicketAction.Accept(), ADMIN);
        transitions.perform(no, new TicketAction.Resolve("已协调办理完毕"), ADMIN);
        transitions.perform(no, new TicketAction.Review(true, null), ADMIN);
    }

    List<String> transcript(Chat chat) {
        List<String> lines = new ArrayList<>();
        conversations.transcript(chat.userKey(), 100).forEach(e -> lines.add(e.direction() + ": " + e.text()));
        return lines;
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }
}
