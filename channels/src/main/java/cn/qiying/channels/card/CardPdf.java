package cn.qiying.channels.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfWriter;

/**
 * Printable A6 service cards, one a page: the title, the department and place, the QR code and short instructions
 * in Chinese. The Chinese font is embedded when {@code qiying.cards.font-path} names one; otherwise the PDF uses
 * the standard CJK font STSong-Light, which PDF readers provide.
 */
@Component
// OpenPDF 3 needs Java 21 and has other packages: without the Java 17 line (2.x) on the class path there are no PDFs
@ConditionalOnClass(name = "com.lowagie.text.Document")
public class CardPdf {

    private static final Logger log = LoggerFactory.getLogger(CardPdf.class);
    private static final Locale ZH = Locale.SIMPLIFIED_CHINESE;

    private final CardQrCode qr;
    private final MessageSource messages;
    private final BaseFont font;

    public CardPdf(CardQrCode qr, MessageSource messages, CardProperties properties) {
        this.qr = qr;
        this.messages = messages;
        this.font = font(properties.fontPath());
    }

    /** Whether the Chinese font travels inside the PDF. */
    public boolean embedsFont() {
        return font.getFontType() != BaseFont.FONT_TYPE_CJK;
    }

    public byte[] render(List<ServiceCard> cards) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A6, 24, 24, 24, 24);
        PdfWriter.getInstance(document, out);
        document.addTitle(messages.getMessage("channels.card.pdf.title", null, ZH));
        document.open();
        Font title = new Font(font, 16, Font.BOLD);
        Font body = new Font(font, 9);
        Font small = new Font(font, 7);
        boolean first = true;
        for (ServiceCard card : cards) {
            if (!first) {
                document.newPage();
            }
            first = false;
            document.add(centered(card.getTitle(), title));
            String belongs = join(card.getDepartment(), card.getDistrict(), card.getPlace());
            if (!belongs.isEmpty()) {
                document.add(centered(belongs, body));
            }
            Image code = qrImage(card.getCode());
            code.scaleToFit(170, 170);
            code.setAlignment(Element.ALIGN_CENTER);
            document.add(code);
            document.add(centered(messages.getMessage("channels.card.pdf.instructions", null, ZH), body));
            document.add(centered(messages.getMessage("channels.card.pdf.code", new Object[] {card.getCode()}, ZH), small));
        }
        if (first) {
            document.add(new Chunk(" "));
        }
        document.close();
        return out.toByteArray();
    }

    private Image qrImage(String code) {
        try {
            return Image.getInstance(qr.png(code, 400));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Paragraph centered(String text, Font font) {
        Paragraph p = new Paragraph(text, font);
        p.setAlignment(Element.ALIGN_CENTER);
        p.setSpacingAfter(6);
        return p;
    }

    private static String join(String... parts) {
        StringBuilder sb = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                sb.append(sb.isEmpty() ? "" : " · ").append(part);
            }
        }
        return sb.toString();
    }

    private static BaseFont font(String path) {
        try {
            if (path != null && !path.isBlank()) {
                if (Files.isReadable(Path.of(path.replaceFirst(",\\d+$", "")))) {
                    return BaseFont.createFont(path, BaseFont.IDENTITY_H, BaseFont.EMBEDDED);
                }
                log.warn("qiying.cards.font-path {} is not readable: cards use the reader's STSong-Light", path);
            }
            return BaseFont.createFont("STSong-Light", "UniGB-UCS2-H", BaseFont.NOT_EMBEDDED);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the card font", e);
        }
    }
}
