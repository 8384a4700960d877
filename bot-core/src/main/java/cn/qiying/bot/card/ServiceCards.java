package cn.qiying.bot.card;

import java.util.Optional;

/**
 * Where the dialog looks up a printed service card met through a QR scene {@code card:{code}}; the module that owns
 * cards (channels) provides it. Without one, a card scene still opens an appeal, carrying only the card's code.
 */
public interface ServiceCards {

    Optional<ServiceCard> find(String code);

    /** What a card pre-fills: the department that answers it and the district it hangs in (either may be null). */
    record ServiceCard(String code, String title, String department, String district) {
    }
}
