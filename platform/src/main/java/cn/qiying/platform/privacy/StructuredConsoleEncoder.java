package cn.qiying.platform.privacy;

import java.nio.charset.Charset;

import org.springframework.boot.logging.logback.StructuredLogEncoder;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.encoder.EncoderBase;

/**
 * Boot's {@link StructuredLogEncoder} when {@code logging.structured.format.console} names a format, nothing otherwise:
 * Boot's encoder refuses to start on an empty format, and logback cannot leave an appender out without Janino.
 */
public class StructuredConsoleEncoder extends EncoderBase<ILoggingEvent> {

    private static final byte[] NOTHING = new byte[0];

    private String format;
    private Charset charset;
    private StructuredLogEncoder delegate;

    public void setFormat(String format) {
        this.format = format;
    }

    public void setCharset(Charset charset) {
        this.charset = charset;
    }

    @Override
    public void start() {
        if (format != null && !format.isBlank()) {
            delegate = new StructuredLogEncoder();
            delegate.setContext(getContext());
            delegate.setFormat(format.strip());
            if (charset != null) {
                delegate.setCharset(charset);
            }
            delegate.start();
        }
        super.start();
    }

    @Override
    public void stop() {
        if (delegate != null) {
            delegate.stop();
        }
        super.stop();
    }

    @Override
    public byte[] headerBytes() {
        return delegate == null ? NOTHING : delegate.headerBytes();
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        return delegate == null ? NOTHING : delegate.encode(event);
    }

    @Override
    public byte[] footerBytes() {
        return delegate == null ? NOTHING : delegate.footerBytes();
    }
}
