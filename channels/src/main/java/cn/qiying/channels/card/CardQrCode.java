package cn.qiying.channels.card;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

import org.springframework.stereotype.Component;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

import cn.qiying.platform.web.PublicAddress;

/** The QR code of a card: {@code <qiying.public-base-url>/q/<code>}, high error correction (survives wear and stains). */
@Component
public class CardQrCode {

    private final PublicAddress address;

    public CardQrCode(PublicAddress address) {
        this.address = address;
    }

    public String landingUrl(String code) {
        return address.url("/q/" + code);
    }

    public byte[] png(String code, int size) {
        try {
            BitMatrix matrix = new QRCodeWriter().encode(landingUrl(code), BarcodeFormat.QR_CODE, size, size,
                    Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.H, EncodeHintType.MARGIN, 2,
                            EncodeHintType.CHARACTER_SET, "UTF-8"));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            MatrixToImageWriter.writeToStream(matrix, "PNG", out);
            return out.toByteArray();
        } catch (WriterException e) {
            throw new IllegalStateException("cannot encode the card URL as a QR code", e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
