package cn.qiying.platform.privacy;

import org.springframework.boot.json.JsonWriter;
import org.springframework.boot.logging.structured.StructuredLoggingJsonMembersCustomizer;

/**
 * JSON logs ({@code logging.structured.format.console=ecs|logstash|gelf}) mask personal data as the text logs do: every
 * string value of a log line (message, exception, MDC) goes through {@link PersonalData#maskText}. Named in
 * {@code logging.structured.json.customizer}.
 */
public class MaskedJsonLogs implements StructuredLoggingJsonMembersCustomizer<Object> {

    @Override
    public void customize(JsonWriter.Members<Object> members) {
        members.applyingValueProcessor(JsonWriter.ValueProcessor.of(String.class, PersonalData::maskText));
    }
}
