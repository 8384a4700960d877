package cn.qiying.bot.intake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.qiying.bot.text.ChineseText;
import cn.qiying.handoff.appeal.CreditCode;

/**
 * Reads appeal slots out of one normalized message: several at once ("我是历下区的济南某某公司，电话13800000000"),
 * the slot just asked for, and corrections ("电话写错了，是13900000000").
 */
public final class SlotExtractor {

    /** What one message says about the draft. */
    public record Extraction(Map<Slot, String> values, List<Problem> problems, Slot correctionTarget) {

        public boolean isEmpty() {
            return values.isEmpty() && problems.isEmpty() && correctionTarget == null;
        }
    }

    /** A value the user gave that cannot be taken: the message key explains why. */
    public record Problem(Slot slot, String messageKey) {
    }

    private static final Pattern CREDIT_CODE = Pattern.compile("(?<![0-9A-Z])[0-9A-Z]{18}(?![0-9A-Z])");
    private static final Pattern CODE_LIKE = Pattern.compile("(?<![0-9A-Z])[0-9A-Z]{6,}(?![0-9A-Z])");
    private static final Pattern MOBILE = Pattern.compile("(?<![0-9])(?:\\+?86-?)?1[3-9][0-9]{9}(?![0-9])");
    private static final Pattern LANDLINE = Pattern.compile(
            "(?<![0-9])0[0-9]{2,3}-?[2-9][0-9]{6,7}(?:(?:-|转)[0-9]{1,6})?(?![0-9])");
    private static final Pattern DIGIT_RUN = Pattern.compile("(?<![0-9A-Za-z])\\+?[0-9][0-9-]{4,}(?![0-9A-Za-z])");
    private static final Pattern PHONE_WORDS = Pattern.compile("电话|手机|联系方式|号码|座机");
    private static final Pattern ENTERPRISE = Pattern.compile(
            "[\\p{IsHan}A-Za-z0-9()]{2,40}?(?:有限责任公司|股份有限公司|有限公司|分公司|公司|集团|合作社|商行|门市部|事务所|经营部|工作室)");
    private static final Pattern ENTERPRISE_SHORT = Pattern.compile("[\\p{IsHan}A-Za-z0-9()]{2,40}?(?:店|厂|中心|超市|酒店|医院|学校)");
    private static final Pattern SELF_REFERENCE = Pattern.compile("我是|我们是|我们公司|我司|本公司|本企业|企业名称|公司名称|单位名称|企业名|公司名|名称");
    private static final List<String> ENTERPRISE_LEAD_INS = List.of("我们公司是", "我们是", "我是", "我们", "我司是", "我司",
            "本公司是", "本公司", "本企业", "这里是", "这是", "企业名称", "公司名称", "单位名称", "企业名", "公司名", "名称",
            "改为", "改成", "更正为", "应该是", "叫做", "叫", "是", "为", "的", ":", ",", " ");
    private static final Pattern CONTACT = Pattern.compile(
            "(?:联系人|姓名|名字|我叫|我姓|本人|我是)(?:改为|改成|应该是|是|为|叫|:)?\\s*(\\p{IsHan}{2,4}?)(?=$|[,.;!\\s]|电话|手机|联系|号码|先生|女士)");
    private static final Pattern HONORIFIC = Pattern.compile("(?<![\\p{IsHan}])(\\p{IsHan}(?:先生|女士|经理|总|主任|老师))(?![\\p{IsHan}])");
    private static final Pattern NOT_A_NAME = Pattern.compile(".*(区|县|市|公司|企业|电话|手机|诉求|投诉|举报|建议|求助|的|在|了|不).*");
    private static final Pattern PLACE = Pattern.compile("^\\p{IsHan}{1,10}(?:区|县|市|镇|乡|街道|开发区|新区)$");
    private static final Pattern QUESTION = Pattern.compile("吗|怎么|怎样|如何|多少|哪里|哪儿|什么|是否|能否|\\?");
    private static final Pattern CORRECTION = Pattern.compile("写错|错了|改为|改成|改一下|更正|修改|更改|不对|应该是");
    private static final Pattern CORRECTION_VALUE = Pattern.compile(".*(?:改为|改成|更正为|应该是|是|为|:)\\s*(.+)$");

    private final List<String> districts;
    private final int minDescriptionLength;

    public SlotExtractor(List<String> districts, int minDescriptionLength) {
        this.districts = districts.stream().sorted(Comparator.comparingInt(String::length).reversed()).toList();
        this.minDescriptionLength = minDescriptionLength;
    }

    /**
     * @param text     the normalized message
     * @param awaiting the slot the bot asked for last, or null
     * @param opening  true for the message that opened the intake (it may also state the kind and the description)
     */
    public Extraction extract(String text, Slot awaiting, boolean opening) {
        Map<Slot, String> values = new EnumMap<>(Slot.class);
        List<Problem> problems = new ArrayList<>();
        Slot correction = correctionTarget(text);
        if (correction != null && correction != awaiting) {
            Matcher rest = CORRECTION_VALUE.matcher(text);
            if (rest.matches() && !rest.group(1).isBlank()) {
                Extraction corrected = extract(rest.group(1).strip(), correction, false);
                values.putAll(corrected.values());
                problems.addAll(corrected.problems());
            }
            return new Extraction(values, problems, values.containsKey(correction) ? null : correction);
        }
        String rest = text;
        rest = creditCode(rest, awaiting, values, problems);
        rest = phone(rest, awaiting, values, problems);
        rest = district(rest, awaiting, values, problems);
        rest = enterprise(rest, awaiting, values);
        contact(rest, awaiting, values);
        if (awaiting == Slot.KIND || opening) {
            kind(text, awaiting).ifPresent(k -> values.put(Slot.KIND, k.code()));
        }
        if (awaiting == Slot.DESCRIPTION) {
            if (ChineseText.meaningfulLength(text) >= minDescriptionLength) {
                values.put(Slot.DESCRIPTION, ChineseText.forReading(text));
            } else if (values.isEmpty()) {
                problems.add(new Problem(Slot.DESCRIPTION, "invalid.description"));
            }
        } else if (opening) {
            String leftover = stripOpening(rest);
            if (ChineseText.meaningfulLength(leftover) >= minDescriptionLength) {
                values.put(Slot.DESCRIPTION, ChineseText.forReading(leftover));
            }
        }
        return new Extraction(values, problems, null);
    }

    /** The kind named in a message: "投诉" → complaint, or 1-4 when the bot asked for the kind. */
    public static java.util.Optional<AppealKind> kind(String text, Slot awaiting) {
        if (awaiting == Slot.KIND) {
            var n = ChineseText.choiceNumber(text);
            if (n.isPresent() && n.getAsInt() >= 1 && n.getAsInt() <= AppealKind.values().length) {
                return java.util.Optional.of(AppealKind.values()[n.getAsInt() - 1]);
            }
        }
        if (text.contains("投诉")) {
            return java.util.Optional.of(AppealKind.COMPLAINT);
        }
        if (text.contains("举报")) {
            return java.util.Optional.of(AppealKind.REPORT);
        }
        if (text.contains("建议") || text.contains("意见")) {
            return java.util.Optional.of(AppealKind.SUGGESTION);
        }
        if (text.contains("求助") || text.contains("帮助") || text.contains("帮忙") || text.contains("协调")
                || (awaiting == Slot.KIND && text.contains("诉求"))) {
            return java.util.Optional.of(AppealKind.HELP);
        }
        return java.util.Optional.empty();
    }

    private static Slot correctionTarget(String text) {
        if (!CORRECTION.matcher(text).find()) {
            return null;
        }
        if (text.contains("信用代码") || text.contains("代码")) {
            return Slot.CREDIT_CODE;
        }
        if (PHONE_WORDS.matcher(text).find()) {
            return Slot.PHONE;
        }
        if (text.contains("联系人") || text.contains("姓名") || text.contains("名字")) {
            return Slot.CONTACT;
        }
        if (text.contains("公司") || text.contains("企业") || text.contains("名称") || text.contains("单位")) {
            return Slot.ENTERPRISE;
        }
        if (text.contains("区县") || text.contains("地区") || text.contains("所在区") || text.contains("所在地")
                || text.contains("区域")) {
            return Slot.DISTRICT;
        }
        if (text.contains("描述") || text.contains("内容") || text.contains("问题") || text.contains("情况")) {
            return Slot.DESCRIPTION;
        }
        if (text.contains("类型") || text.contains("类别")) {
            return Slot.KIND;
        }
        return null;
    }

    private static String creditCode(String text, Slot awaiting, Map<Slot, String> values, List<Problem> problems) {
        String upper = text.toUpperCase(Locale.ROOT);
        Matcher m = CREDIT_CODE.matcher(upper);
        while (m.find()) {
            if (m.group().chars().allMatch(Character::isDigit) && !upper.contains("代码") && awaiting != Slot.CREDIT_CODE) {
                continue; // eighteen digits without a word about a code: an ID card or an account, not ours to take
            }
            if (CreditCode.valid(m.group())) {
                values.put(Slot.CREDIT_CODE, m.group());
            } else {
                problems.add(new Problem(Slot.CREDIT_CODE, "invalid.credit-code"));
            }
            return text.substring(0, m.start()) + " " + text.substring(m.end());
        }
        if (awaiting == Slot.CREDIT_CODE || upper.contains("信用代码")) {
            Matcher like = CODE_LIKE.matcher(upper);
            if (like.find()) {
                problems.add(new Problem(Slot.CREDIT_CODE, "invalid.credit-code"));
                return text.substring(0, like.start()) + " " + text.substring(like.end());
            }
        }
        return text;
    }

    private static String phone(String text, Slot awaiting, Map<Slot, String> values, List<Problem> problems) {
        for (Pattern p : List.of(MOBILE, LANDLINE)) {
            Matcher m = p.matcher(text);
            if (m.find()) {
                var parsed = PhoneNumber.parse(m.group());
                if (parsed.isPresent()) {
                    values.put(Slot.PHONE, parsed.get());
                    return text.substring(0, m.start()) + " " + text.substring(m.end());
                }
            }
        }
        Matcher digits = DIGIT_RUN.matcher(text);
        if ((awaiting == Slot.PHONE || PHONE_WORDS.matcher(text).find()) && digits.find()) {
            problems.add(new Problem(Slot.PHONE, "invalid.phone"));
            return text.substring(0, digits.start()) + " " + text.substring(digits.end());
        }
        return text;
    }

    private String district(String text, Slot awaiting, Map<Slot, String> values, List<Problem> problems) {
        for (String d : districts) {
            int at = text.indexOf(d);
            if (at >= 0) {
                values.put(Slot.DISTRICT, d);
                return text.substring(0, at) + text.substring(at + d.length());
            }
        }
        if (awaiting == Slot.DISTRICT) {
            String answer = text.replaceAll("^(?:在|位于|属于|我们在|是)", "").replaceAll("[.!,]$", "");
            if (PLACE.matcher(answer).matches()) {
                values.put(Slot.DISTRICT, answer);
                return "";
            }
            problems.add(new Problem(Slot.DISTRICT, "invalid.district"));
        }
        return text;
    }

    private static String enterprise(String text, Slot awaiting, Map<Slot, String> values) {
        boolean asked = awaiting == Slot.ENTERPRISE;
        if (!asked && !SELF_REFERENCE.matcher(text).find()) {
            return text;
        }
        for (Pattern p : asked ? List.of(ENTERPRISE, ENTERPRISE_SHORT) : List.of(ENTERPRISE)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String name = stripLeadIns(m.group());
                if (ChineseText.meaningfulLength(name) >= 4) {
                    values.put(Slot.ENTERPRISE, name);
                    return text.substring(0, m.start()) + " " + text.substring(m.end());
                }
            }
        }
        if (asked && !QUESTION.matcher(text).find()) {
            String name = stripLeadIns(text.replaceAll("[.!]$", ""));
            if (ChineseText.meaningfulLength(name) >= 2 && name.length() <= 50 && !name.contains(",")) {
                values.put(Slot.ENTERPRISE, name);
                return "";
            }
        }
        return text;
    }

    private static String stripLeadIns(String candidate) {
        String name = candidate.strip();
        boolean changed = true;
        while (changed) {
            changed = false;
            for (String lead : ENTERPRISE_LEAD_INS) {
                if (name.startsWith(lead) && name.length() > lead.length()) {
                    name = name.substring(lead.length()).strip();
                    changed = true;
                }
            }
            int of = name.lastIndexOf('的');
            if (of >= 0 && of < name.length() - 1) {
                name = name.substring(of + 1);
                changed = true;
            }
        }
        return name;
    }

    private static void contact(String text, Slot awaiting, Map<Slot, String> values) {
        Matcher m = CONTACT.matcher(text);
        while (m.find()) {
            if (!NOT_A_NAME.matcher(m.group(1)).matches()) {
                values.put(Slot.CONTACT, m.group(1));
                return;
            }
        }
        Matcher h = HONORIFIC.matcher(text);
        if (h.find()) {
            values.put(Slot.CONTACT, h.group(1));
            return;
        }
        if (awaiting == Slot.CONTACT && !QUESTION.matcher(text).find()) {
            String name = text.replaceAll("^(?:联系人|我叫|我是|姓名|名字)?(?:是|为|:)?", "").replaceAll("[.!,]$", "").strip();
            if (ChineseText.meaningfulLength(name) >= 2 && name.length() <= 10 && !name.contains(" ")) {
                values.put(Slot.CONTACT, name);
            }
        }
    }

    private static String stripOpening(String text) {
        return text.replaceAll("^(?:你好|您好)?[,.!]?(?:我要|我想|想要|要|需要|我需要)?(?:提交|提|反映|发起)?(?:一个|一下)?"
                        + "(?:投诉|举报|建议|求助|诉求)?[,.:!]?", "")
                .replaceAll("(?:电话|手机|联系方式|联系人|信用代码)[:是为]?\\s*(?=[,.;]|$)", "")
                .replaceAll("^[,.;:\\s]+|[,.;:\\s]+$", "").strip();
    }
}
