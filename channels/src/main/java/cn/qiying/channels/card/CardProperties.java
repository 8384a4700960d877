package cn.qiying.channels.card;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param codePrefix letters before a card's number, e.g. JN for JN0001
 * @param fontPath   a TrueType/OpenType font with Chinese glyphs to embed in printable cards (e.g. Noto Sans CJK
 *                   from Debian's fonts-noto-cjk); without one the PDF names the standard STSong-Light font, which
 *                   readers supply themselves
 */
@ConfigurationProperties("qiying.cards")
public record CardProperties(@DefaultValue("QY") String codePrefix, String fontPath) {
}
