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
import cn.qiying.testing.MovableClock;
import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.handoff.appeal.AppealDesk;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.handoff.staff.Actor;
import cn.qiying.handoff.staff.StaffRole;
import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.ticket.TicketAction;
import cn.qiying.handoff.ticket.ActionInput;
import cn.qiying.handoff.ticket.Tickets;
import cn.qiying.knowledge.entry.KnowledgeEntries;
import cn.qiying.knowledge.importing.ImportFormat;
import cn.qiying.knowledge.importing.ImportReport;
import cn.qiying.knowledge.importing.KnowledgeImport;
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
    Tickets tickets;
    @Autowired
    Departments departments;
    @Autowired
    KnowledgeEntries knowledge;
    @Autowired
    KnowledgeImport knowledgeImport;

    @BeforeEach
    void mondayMorningWithKnowledgeAndADepartment() {
        clock.set(BotTestApplication.MONDAY_MORNING);
        if (knowledge.find("kb-licence").isEmpty()) {
            ImportReport report = knowledgeImport.run(resource("/knowledge/dialog-test.jsonl"), ImportFormat.JSONL, "test");
            assertThat(report.imported()).as("knowledge imported: %s", report).isEqualTo(5);
        }
        if (departments.find("scjg").isEmpty()) {
            departments.save(new Department("scjg", "市场监管局", List.of("历下区")));
        }
    }

    private static byte[] resource(String path) {
        try (var in = ConversationTest.class.getResourceAsStream(path)) {
            return in.readAllBytes();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
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
        act(no, ADMIN, "triage", "{\"complexity\": \"general\"}");
        act(no, ADMIN, "assign", "{\"department\": \"scjg\"}");
        act(no, ADMIN, "accept");
        act(no, ADMIN, "resolve", "{\"result\": \"已协调办理完毕\"}");
        act(no, ADMIN, "review", "{\"passed\": true}");
    }

    List<String> transcript(Chat chat) {
        List<String> lines = new ArrayList<>();
        conversations.transcript(chat.userKey(), 100).forEach(e -> lines.add(e.direction() + ": " + e.text()));
        return lines;
    }

    static Instant at(String iso) {
        return Instant.parse(iso);
    }

    /** A staff action by its REST name and JSON body, as the console or an integrator would take it. */
    private void act(String no, cn.qiying.handoff.staff.Actor actor, String action, String json) {
        var input = ActionInput.of(tools.jackson.databind.json.JsonMapper.builder().build().readTree(json));
        var outcome = tickets.act(no, action, input, actor);
        // the app's own background work (repeated-appeal triggers) may write the ticket between our read and write
        for (int attempt = 1; attempt < 5 && outcome.refusal() instanceof cn.qiying.platform.refusal.Refusal.LostRace; attempt++) {
            outcome = tickets.act(no, action, input, actor);
        }
        outcome.orElseThrow(r -> new AssertionError(action + " refused: " + r.messageKey()));
    }

    private void act(String no, cn.qiying.handoff.staff.Actor actor, String action) {
        act(no, actor, action, "{}");
    }
}
