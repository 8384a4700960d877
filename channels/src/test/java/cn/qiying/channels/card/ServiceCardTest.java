package cn.qiying.channels.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.ResultMetadataType;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfReader;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import cn.qiying.channels.ChannelsIntegrationTest;
import cn.qiying.channels.StaffHttp;
import cn.qiying.handoff.routing.Department;
import cn.qiying.handoff.routing.Departments;
import cn.qiying.platform.text.Texts;

class ServiceCardTest extends ChannelsIntegrationTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private StaffHttp http;

    @Autowired
    Texts texts;

    @Autowired
    Departments departments;

    @BeforeEach
    void client() {
        http = new StaffHttp(base());
        departments.save(new Department("scjgj", "市场监管局", List.of("历下区")));
    }

    @Test
    void aCardForADepartmentThatDoesNotExistIsABadRequest() {
        HttpResponse<String> response = http.postJson("/api/cards", "{\"title\":\"服务卡\",\"department\":\"不存在局\"}", true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(texts.text("ticket.refusal.unknown-department", "不存在局"));
    }

    @Test
    void aCardNamesItsDepartmentByNameEvenWhenGivenItsId() {
        HttpResponse<String> created = http.postJson("/api/cards", "{\"title\":\"服务卡\",\"department\":\"scjgj\"}", true);
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json.readTree(created.body()).get("department").asText()).isEqualTo("市场监管局");
    }

    @Test
    void staffCreateAndListCards() {
        assertThat(http.postJson("/api/cards", "{\"title\":\"营商环境服务卡\"}", false).statusCode()).isEqualTo(401);
        HttpResponse<String> created = http.postJson("/api/cards",
                "{\"title\":\"营商环境服务卡\",\"department\":\"市场监管局\",\"district\":\"历下区\",\"place\":\"政务服务大厅3号窗口\"}", true);
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode card = json.readTree(created.body());
        String code = card.get("code").asText();
        assertThat(code).matches("QY\\d{4}");
        assertThat(card.get("landingUrl").asText()).isEqualTo("https://qiying.example.cn/q/" + code);
        assertThat(card.get("department").asText()).isEqualTo("市场监管局");

        HttpResponse<String> list = http.get("/api/cards", true);
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body()).contains(code).contains("政务服务大厅3号窗口");
        assertThat(http.get("/api/cards", false).statusCode()).isEqualTo(401);
    }

    @Test
    void aCardWithoutATitleIsABadRequest() {
        HttpResponse<String> response = http.postJson("/api/cards", "{\"department\":\"市场监管局\"}", true);
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("problem+json"));
        assertThat(http.postJson("/api/cards", "{not json", true).statusCode()).isEqualTo(400);
    }

    @Test
    void theQrCodeDecodesToTheLandingPageWithHighErrorCorrection() throws Exception {
        String code = create("扫码测试卡");
        HttpResponse<byte[]> png = http.getBytes("/api/cards/" + code + "/qr.png", false);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
        var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))),
                Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE));
        assertThat(result.getText()).isEqualTo("https://qiying.example.cn/q/" + code);
        assertThat(result.getResultMetadata().get(ResultMetadataType.ERROR_CORRECTION_LEVEL)).isEqualTo("H");
        assertThat(http.getBytes("/api/cards/NOPE9999/qr.png", false).statusCode()).isEqualTo(404);
    }

    @Test
    void theCardPdfCarriesTheChineseTextOneCardAPage() throws Exception {
        String first = create("企业服务卡甲");
        String second = create("企业服务卡乙");
        HttpResponse<byte[]> one = http.getBytes("/api/cards/" + first + "/card.pdf", true);
        assertThat(one.statusCode()).isEqualTo(200);
        assertThat(new String(one.body(), 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        PdfReader reader = new PdfReader(one.body());
        assertThat(reader.getNumberOfPages()).isEqualTo(1);
        String text = cjkText(reader, 1);
        assertThat(text).contains("企业服务卡甲").contains("市场监管局").contains("微信扫一扫").contains(first);
        assertThat(new String(one.body(), StandardCharsets.ISO_8859_1)).contains("STSong-Light");
        assertThat(reader.getPageSize(1).getWidth()).isBetween(297f, 299f);

        HttpResponse<byte[]> both = http.getBytes("/api/cards/cards.pdf?codes=" + first + "," + second, true);
        assertThat(new PdfReader(both.body()).getNumberOfPages()).isEqualTo(2);
        assertThat(http.getBytes("/api/cards/" + first + "/card.pdf", false).statusCode()).isEqualTo(401);
    }

    @Test
    void theCardHasCodesInsideWeChatWithItsScene() {
        String code = create("微信码测试卡");
        HttpResponse<byte[]> mpQr = http.getBytes("/api/cards/" + code + "/mp-qr.png", true);
        assertThat(mpQr.statusCode()).isEqualTo(200);
        assertThat(mpQr.body()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(WECHAT.requests("/cgi-bin/qrcode/create")).singleElement().satisfies(r -> assertThat(r.body())
                .contains("QR_LIMIT_STR_SCENE").contains("\"scene_str\":\"card:" + code + "\""));
        http.getBytes("/api/cards/" + code + "/mp-qr.png", true);
        assertThat(WECHAT.requests("/cgi-bin/qrcode/create")).as("the permanent ticket is kept").hasSize(1);
        assertThat(WECHAT.requests("/cgi-bin/showqrcode")).hasSize(2);

        HttpResponse<byte[]> maCode = http.getBytes("/api/cards/" + code + "/ma-code.png", true);
        assertThat(maCode.statusCode()).isEqualTo(200);
        assertThat(WECHAT.requests("/wxa/getwxacodeunlimit")).singleElement().satisfies(r -> assertThat(r.body())
                .contains("\"scene\":\"card:" + code + "\"").contains("pages/appeal/new"));
        assertThat(http.getBytes("/api/cards/" + code + "/mp-qr.png", false).statusCode()).isEqualTo(401);
    }

    /** The page's text drawn in the two-byte CJK encoding (UniGB-UCS2-H): each string token decoded as UTF-16BE. */
    private static String cjkText(PdfReader reader, int page) throws Exception {
        PRTokeniser tokens = new PRTokeniser(reader.getPageContent(page));
        StringBuilder text = new StringBuilder();
        while (tokens.nextToken()) {
            if (tokens.getTokenType() == PRTokeniser.TK_STRING) {
                byte[] bytes = tokens.getStringValue().getBytes(StandardCharsets.ISO_8859_1);
                text.append(new String(bytes, StandardCharsets.UTF_16BE));
            }
        }
        return text.toString();
    }

    private String create(String title) {
        HttpResponse<String> created = http.postJson("/api/cards", "{\"title\":\"" + title + "\",\"department\":\"市场监管局\"}", true);
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).get("code").asText();
    }
}
