package cn.qiying.channels.card;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import me.chanjar.weixin.common.error.WxErrorException;

import cn.qiying.platform.web.RefusedException;

/** Staff: service cards, their QR codes (public: they only encode the public landing URL) and printable PDFs. */
@RestController
@RequestMapping("/api/cards")
class CardController {

    private static final int MAX_CARDS_PER_PDF = 200;

    private final IssueCard issueCard;
    private final ServiceCardRepository cards;
    private final CardQrCode qr;
    private final ObjectProvider<CardPdf> pdf;
    private final WeChatCardCodes wechatCodes;

    CardController(IssueCard issueCard, ServiceCardRepository cards, CardQrCode qr, ObjectProvider<CardPdf> pdf,
                   WeChatCardCodes wechatCodes) {
        this.wechatCodes = wechatCodes;
        this.issueCard = issueCard;
        this.cards = cards;
        this.qr = qr;
        this.pdf = pdf;
    }

    /** A new card: {@code title} is required; department, district and place are what the card pre-fills. */
    record NewCard(String title, String department, String district, String place) {
    }

    /** A card with the address its QR code leads to. */
    record CardView(String code, String title, String department, String district, String place, String createdAt,
                    String landingUrl) {
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    ResponseEntity<CardView> create(@RequestBody NewCard card) {
        ServiceCard issued = issueCard.issue(card.title(), card.department(), card.district(), card.place()).orElseThrow(RefusedException::new);
        return ResponseEntity.created(URI.create("/api/cards/" + issued.getCode())).body(view(issued));
    }

    @GetMapping
    List<CardView> list() {
        List<CardView> all = new ArrayList<>();
        cards.findAll().forEach(c -> all.add(view(c)));
        all.sort((a, b) -> a.code().compareTo(b.code()));
        return all;
    }

    @GetMapping("/{code}")
    CardView one(@PathVariable String code) {
        return view(find(code));
    }

    @GetMapping(value = "/{code}/qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> qrCode(@PathVariable String code, @RequestParam(defaultValue = "512") int size) {
        if (size < 128 || size > 2048) {
            throw new IllegalArgumentException("size must be between 128 and 2048 pixels");
        }
        find(code);
        return ResponseEntity.ok().cacheControl(CacheControl.noCache()).contentType(MediaType.IMAGE_PNG).body(qr.png(code, size));
    }

    /** The official account's permanent parametric QR code of the card (scene card:&lt;code&gt;). */
    @GetMapping(value = "/{code}/mp-qr.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> officialAccountQr(@PathVariable String code) {
        find(code);
        if (!wechatCodes.officialAccountConfigured()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the official account is not configured");
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(wechatCodes.officialAccountQr(code));
        } catch (WxErrorException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "WeChat refused the QR code: " + e.getError().getErrorMsg());
        }
    }

    /** The mini program's unlimited code of the card (scene card:&lt;code&gt;, opening the appeal page). */
    @GetMapping(value = "/{code}/ma-code.png", produces = MediaType.IMAGE_PNG_VALUE)
    ResponseEntity<byte[]> miniProgramCode(@PathVariable String code) {
        find(code);
        if (!wechatCodes.miniProgramConfigured()) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "the mini program is not configured");
        }
        try {
            return ResponseEntity.ok().contentType(MediaType.IMAGE_PNG).body(wechatCodes.miniProgramCode(code));
        } catch (WxErrorException e) {
            throw new ResponseStatusException(HttpStatus.BAD_GATEWAY, "WeChat refused the code: " + e.getError().getErrorMsg());
        }
    }

    @GetMapping(value = "/{code}/card.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> card(@PathVariable String code) {
        return pdf(List.of(find(code)), code);
    }

    /** Many cards in one file, one a page: {@code ?codes=QY0001,QY0002}, or every card without the parameter. */
    @GetMapping(value = "/cards.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    ResponseEntity<byte[]> cards(@RequestParam(required = false) List<String> codes) {
        List<ServiceCard> chosen = new ArrayList<>();
        if (codes == null || codes.isEmpty()) {
            cards.findAll().forEach(chosen::add);
            chosen.sort((a, b) -> a.getCode().compareTo(b.getCode()));
        } else {
            codes.forEach(c -> chosen.add(find(c)));
        }
        if (chosen.size() > MAX_CARDS_PER_PDF) {
            throw new IllegalArgumentException("at most " + MAX_CARDS_PER_PDF + " cards per PDF");
        }
        return pdf(chosen, "cards");
    }

    private ResponseEntity<byte[]> pdf(List<ServiceCard> chosen, String name) {
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header("Content-Disposition", "inline; filename=\"" + name.replaceAll("[^A-Za-z0-9_-]", "") + ".pdf\"")
                .body(renderer().render(chosen));
    }

    private CardPdf renderer() {
        CardPdf renderer = pdf.getIfAvailable();
        if (renderer == null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                    "printable cards need OpenPDF 2.x (com.github.librepdf:openpdf:2.0.5) on the class path");
        }
        return renderer;
    }

    private ServiceCard find(String code) {
        return cards.findById(code).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no service card " + code));
    }

    private CardView view(ServiceCard c) {
        return new CardView(c.getCode(), c.getTitle(), c.getDepartment(), c.getDistrict(), c.getPlace(), c.getCreatedAt(),
                qr.landingUrl(c.getCode()));
    }
}
