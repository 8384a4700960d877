package cn.qiying.bot.intent;

import java.util.Locale;
import java.util.regex.Pattern;

import cn.qiying.bot.intake.AppealKind;
import cn.qiying.bot.intake.SlotExtractor;
import cn.qiying.bot.text.ChineseText;
import cn.qiying.handoff.ticket.TicketNumber;

/** Keyword and pattern rules from a normalized message to an intent; what matches nothing is an enquiry. */
public final class IntentRules {


    private static final Pattern CANCEL_HUMAN = Pattern.compile("(取消|退出|结束|不用|不要|不需要)(转)?人工|返回机器人|机器人回答");
    private static final Pattern HUMAN = Pattern.compile("转人工|人工客服|人工服务|找人工|真人|接人工|要人工|人工坐席|客服人员|^人工$|^客服$");
    private static final Pattern CANCEL = Pattern.compile("^(取消|算了|不办了|不提交了|不提了|放弃|退出|不要了|不用了|结束|撤销|取消提交|取消诉求|重新开始|重来)[.!]?$");
    private static final Pattern STATUS = Pattern.compile("进度|办理情况|处理情况|处理结果|办理结果|办到哪|到哪了|工单状态|查工单|查询工单|查询诉求|我的诉求|我的工单|诉求状态");
    private static final Pattern GREETING = Pattern.compile("^(你好|您好|hi|hello|在吗|在不在|哈喽|嗨|早上好|上午好|下午好|晚上好|你好呀|您好呀)[!.?~]*$");
    private static final Pattern MENU = Pattern.compile("^(帮助|菜单|主菜单|help|menu|功能|功能列表|你能做什么|能做什么|有什么功能|\\?|返回|首页)[!.?]*$");
    private static final Pattern RESUME = Pattern.compile("^(继续|继续填写|接着填|接着填写|继续提交|继续办理|接着办)[!.]?$");
    private static final Pattern CONFIRM = Pattern.compile("^(确认|确定|提交|确认提交|确认无误|无误|是|是的|对|对的|没问题|好的|好|ok|yes|可以|行)[!.]?$");
    private static final Pattern SKIP = Pattern.compile("^(跳过|没有|无|不填|略过|暂无|不需要|没有了|不用|不知道|忘了|记不清)[!.]?$");
    private static final Pattern APPEAL_VERB = Pattern.compile("(我要|我想|想要|要|需要|提交|提个|提一个|提出|发起|反映|申请)(一个|一下|个)?(投诉|举报|建议|求助|诉求|帮助|问题)");
    private static final Pattern APPEAL_START = Pattern.compile("^(投诉|举报|建议|求助|诉求)");
    private static final Pattern QUESTION = Pattern.compile("吗|怎么|怎样|如何|多少|哪里|哪儿|什么|是否|能否|可以.*吗|\\?");
    private static final Pattern SATISFIED = Pattern.compile("^(满意|非常满意|很满意|好评|点赞|挺好|很好)[!.]?$");
    private static final Pattern BASICALLY = Pattern.compile("^(基本满意|还行|一般|还可以|凑合)[!.]?$");
    private static final Pattern UNSATISFIED = Pattern.compile("^(不满意|很不满意|非常不满意|差评|不好|太差|没解决|没有解决)[!.]?$");

    private IntentRules() {
    }

    public static Recognition recognize(String normalized) {
        String text = normalized.toLowerCase(Locale.ROOT);
        var number = TicketNumber.find(normalized);
        if (number.isPresent()) {
            return Recognition.status(number.get().value());
        }
        if (CANCEL_HUMAN.matcher(text).find()) {
            return Recognition.of(Intent.CANCEL_HUMAN);
        }
        if (HUMAN.matcher(text).find()) {
            return Recognition.of(Intent.HUMAN);
        }
        if (CANCEL.matcher(text).matches()) {
            return Recognition.of(Intent.CANCEL);
        }
        var choice = ChineseText.choiceNumber(text);
        if (choice.isPresent()) {
            return Recognition.choice(choice.getAsInt());
        }
        if (RESUME.matcher(text).matches()) {
            return Recognition.of(Intent.RESUME);
        }
        if (CONFIRM.matcher(text).matches()) {
            return Recognition.of(Intent.CONFIRM);
        }
        if (SKIP.matcher(text).matches()) {
            return Recognition.of(Intent.SKIP);
        }
        if (UNSATISFIED.matcher(text).matches()) {
            return Recognition.rating("UNSATISFIED");
        }
        if (BASICALLY.matcher(text).matches()) {
            return Recognition.rating("BASICALLY_SATISFIED");
        }
        if (SATISFIED.matcher(text).matches()) {
            return Recognition.rating("SATISFIED");
        }
        if (GREETING.matcher(text).matches()) {
            return Recognition.of(Intent.GREETING);
        }
        if (MENU.matcher(text).matches()) {
            return Recognition.of(Intent.MENU);
        }
        if (STATUS.matcher(text).find() && text.length() <= 20) {
            return Recognition.status(null);
        }
        boolean question = QUESTION.matcher(text).find();
        if (APPEAL_VERB.matcher(text).find() || (APPEAL_START.matcher(text).find() && !question)) {
            return Recognition.appeal(SlotExtractor.kind(text, null).orElse(null));
        }
        return Recognition.of(Intent.ENQUIRY);
    }

    /** Whether the text asks something ("怎么…", "…吗", "?"). */
    public static boolean isQuestion(String normalized) {
        return QUESTION.matcher(normalized).find();
    }

    /** A menu click key (see {@link MenuKeys}); unknown keys open the menu. */
    public static Recognition fromMenuKey(String key) {
        String k = key == null ? "" : key.strip().toUpperCase(Locale.ROOT);
        if (k.startsWith("MENU:")) {
            k = k.substring(5);
        }
        return switch (k) {
            case MenuKeys.ENQUIRY -> Recognition.of(Intent.ENQUIRY);
            case MenuKeys.APPEAL -> Recognition.appeal(null);
            case MenuKeys.APPEAL_HELP -> Recognition.appeal(AppealKind.HELP);
            case MenuKeys.APPEAL_COMPLAINT -> Recognition.appeal(AppealKind.COMPLAINT);
            case MenuKeys.APPEAL_REPORT -> Recognition.appeal(AppealKind.REPORT);
            case MenuKeys.APPEAL_SUGGESTION -> Recognition.appeal(AppealKind.SUGGESTION);
            case MenuKeys.STATUS -> Recognition.status(null);
            case MenuKeys.HUMAN -> Recognition.of(Intent.HUMAN);
            default -> Recognition.of(Intent.MENU);
        };
    }
}
