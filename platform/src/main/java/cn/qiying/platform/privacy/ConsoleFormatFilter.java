package cn.qiying.platform.privacy;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.filter.Filter;
import ch.qos.logback.core.spi.FilterReply;

/**
 * Lets a console appender write only when its format is the chosen one: text when
 * {@code logging.structured.format.console} is unset, JSON when it is set (logback has no conditionals without Janino).
 */
public class ConsoleFormatFilter extends Filter<ILoggingEvent> {

    private boolean structuredChosen;
    private boolean structuredAppender;

    /** The value of {@code CONSOLE_LOG_STRUCTURED_FORMAT}: empty for text. */
    public void setChosen(String format) {
        this.structuredChosen = format != null && !format.isBlank();
    }

    /** Whether the appender this filter sits on writes JSON. */
    public void setStructured(boolean structured) {
        this.structuredAppender = structured;
    }

    @Override
    public FilterReply decide(ILoggingEvent event) {
        return structuredChosen == structuredAppender ? FilterReply.NEUTRAL : FilterReply.DENY;
    }
}
