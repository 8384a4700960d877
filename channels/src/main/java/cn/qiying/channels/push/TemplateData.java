package cn.qiying.channels.push;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.qiying.channels.wechat.WeChatProperties.Template;
import cn.qiying.handoff.notify.Push;

/**
 * Fills a template's keywords from a push ({@code ticketNo}, {@code text} or any of its fields), cut to the lengths
 * WeChat accepts per keyword type (a longer value makes the whole send fail with 47003).
 */
final class TemplateData {

    private static final Map<String, Integer> LIMITS = Map.of("thing", 20, "phrase", 5, "character_string", 32,
            "name", 10, "number", 32, "letter", 32, "symbol", 5, "car_number", 8, "phone_number", 17);

    private TemplateData() {
    }

    static Map<String, String> of(Template template, Push push) {
        Map<String, String> data = new LinkedHashMap<>();
        template.data().forEach((keyword, field) -> data.put(keyword, cut(keyword, value(push, field))));
        return data;
    }

    static String value(Push push, String field) {
        if ("ticketNo".equals(field)) {
            return nullToEmpty(push.ticketNo());
        }
        if ("text".equals(field)) {
            return nullToEmpty(push.text());
        }
        return push.fields() == null ? "" : nullToEmpty(push.fields().get(field));
    }

    private static String cut(String keyword, String value) {
        String type = keyword.replaceAll("\\d+$", "");
        Integer limit = LIMITS.get(type);
        if (limit == null || value.codePointCount(0, value.length()) <= limit) {
            return value;
        }
        return value.substring(0, value.offsetByCodePoints(0, limit - 1)) + "…";
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
