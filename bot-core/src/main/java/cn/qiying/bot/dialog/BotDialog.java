package cn.qiying.bot.dialog;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

import cn.qiying.bot.BotProperties;
import cn.qiying.bot.Dialog;
import cn.qiying.bot.Reply;
import cn.qiying.bot.UserMessage;
import cn.qiying.bot.card.ServiceCards;
import cn.qiying.bot.enquiry.EnquiryAnswers;
import cn.qiying.bot.human.HumanHandoff;
import cn.qiying.bot.intake.AppealDraft;
import cn.qiying.bot.intake.AppealIntake;
import cn.qiying.bot.intake.AppealKind;
import cn.qiying.bot.intake.Slot;
import cn.qiying.bot.intake.SlotExtractor;
import cn.qiying.bot.intake.SubmitAppeal;
import cn.qiying.bot.intent.Intent;
import cn.qiying.bot.intent.IntentRules;
import cn.qiying.bot.intent.Recognition;
import cn.qiying.bot.rating.RatingReplies;
import cn.qiying.bot.state.DialogState;
import cn.qiying.bot.state.DialogStateStore;
import cn.qiying.bot.state.Offer;
import cn.qiying.bot.state.Phase;
import cn.qiying.bot.state.Turn;
import cn.qiying.bot.status.StatusReport;
import cn.qiying.bot.text.ChineseText;
import cn.qiying.bot.text.Phrases;
import cn.qiying.handoff.conversation.Conversations;
import cn.qiying.handoff.conversation.Conversations.Direction;
import cn.qiying.handoff.conversation.Conversations.Mode;

/**
 * The bot: routes each inbound message, by the user's dialog state and the recognised intent, to the one step that
 * answers it, and records both sides in the transcript staff see. While a human has the conversation it stays silent.
 */
@Service
public class BotDialog implements Dialog {

    /** The menu's appeal option starts empty; the one offered after an unanswered enquiry starts from the question. */
    private static final String FRESH = "fresh";

    private final DialogStateStore states;
    private final Conversations conversations;
    private final EnquiryAnswers enquiries;
    private final AppealIntake intake;
    private final SubmitAppeal submit;
    private final StatusReport status;
    private final RatingReplies ratings;
    private final HumanHandoff human;
    private final SlotExtractor extractor;
    private final ObjectProvider<ServiceCards> cards;
    private final Phrases phrases;
    private final BotProperties properties;
    private final Clock clock;

    public BotDialog(DialogStateStore states, Conversations conversations, EnquiryAnswers enquiries, AppealIntake intake,
                     SubmitAppeal submit, StatusReport status, RatingReplies ratings, HumanHandoff human,
                     SlotExtractor extractor, ObjectProvider<ServiceCards> cards, Phrases phrases, BotProperties properties,
                     Clock clock) {
        this.states = states;
        this.conversations = conversations;
        this.enquiries = enquiries;
        this.intake = intake;
        this.submit = submit;
        this.status = status;
        this.ratings = ratings;
        this.human = human;
        this.extractor = extractor;
        this.cards = cards;
        this.phrases = phrases;
        this.properties = properties;
        this.clock = clock;
    }

    @Override
    public List<Reply> handle(UserMessage message) {
        String userKey = message.userKey();
        return states.underLock(userKey, () -> {
            Instant now = clock.instant();
            String inbound = Transcripts.inbound(message);
            if (inbound != null) {
                conversations.record(userKey, Direction.USER, inbound, now);
            }
            List<Reply> replies = respond(message, now);
            conversations.record(userKey, Direction.BOT, replies.stream().map(Reply::asText).toList(), clock.instant());
            return replies;
        });
    }

    private List<Reply> respond(UserMessage message, Instant now) {
        if (message.kind() == UserMessage.Kind.UNSUBSCRIBE || message.kind() == UserMessage.Kind.MENU_VIEW) {
            return List.of();
        }
        String text = ChineseText.normalize(message.text());
        Mode mode = conversations.mode(message.userKey());
        if (mode != Mode.BOT) {
            return whileWithHuman(message, text, mode);
        }
        DialogState state = expire(states.load(message.userKey()), now);
        Turn turn = step(state, message, text);
        states.save(message.userKey(), turn.state().activeAt(now));
        return turn.replies();
    }

    /** Silent while staff have (or are about to have) the conversation, except for the words that end it. */
    private List<Reply> whileWithHuman(UserMessage message, String text, Mode mode) {
        if (message.kind() != UserMessage.Kind.TEXT && message.kind() != UserMessage.Kind.VOICE) {
            return List.of();
        }
        Intent intent = IntentRules.recognize(text).intent();
        if (intent == Intent.CANCEL_HUMAN || (mode == Mode.WAITING && intent == Intent.CANCEL)) {
            return human.cancel(message.userKey());
        }
        return List.of();
    }

    /** After the idle timeout a conversation starts afresh; a half-filled appeal is paused for "继续" until the retention ends. */
    private DialogState expire(DialogState state, Instant now) {
        if (state.lastActiveAt() == null) {
            return state;
        }
        Duration idle = Duration.between(state.lastActiveAt(), now);
        if (idle.compareTo(properties.draftRetention()) > 0) {
            return DialogState.fresh();
        }
        if (idle.compareTo(properties.idleTimeout()) > 0) {
            return state.draft() == null ? DialogState.fresh() : state.withoutOffers().paused();
        }
        return state;
    }

    private Turn step(DialogState state, UserMessage message, String text) {
        return switch (message.kind()) {
            case SUBSCRIBE, SCAN -> scanned(state, message);
            case MENU_CLICK -> hinted(dispatch(state, message, IntentRules.fromMenuKey(message.text()), null));
            case IMAGE -> image(state, message);
            case TEXT, VOICE -> text.isEmpty() ? Turn.of(state, new Reply.Text(phrases.get("unknown.message")))
                    : hinted(dispatch(state, message, IntentRules.recognize(text), text));
            default -> Turn.of(state, new Reply.Text(phrases.get("unknown.message")));
        };
    }

    /** Reminds the user of a paused appeal after any reply that left it paused. */
    private Turn hinted(Turn turn) {
        if (turn.state().hasPausedDraft() && !turn.replies().isEmpty()) {
            return turn.then(new Reply.Text(phrases.get("paused.hint")));
        }
        return turn;
    }

    private Turn dispatch(DialogState state, UserMessage message, Recognition r, String text) {
        if (state.phase() != Phase.IDLE) {
            return collecting(state, message, r, text);
        }
        if (r.intent() == Intent.CHOICE && !state.offers().isEmpty()) {
            return pick(state, message, r.number());
        }
        return switch (r.intent()) {
            case GREETING -> menu(state, phrases.get("welcome"));
            case MENU, CONFIRM, SKIP -> menu(state, null);
            case ENQUIRY -> text == null ? Turn.of(state.withoutOffers(), new Reply.Text(phrases.get("enquiry.prompt")))
                    : enquiries.answer(state, text, null);
            case APPEAL -> intake.open(state.withoutDraft(), r.kind(), text);
            case STATUS -> r.ticketNo() == null ? status.list(state, message) : status.show(state, message, r.ticketNo());
            case RATING -> ratings.rate(state, message, r.rating());
            case HUMAN -> human.request(state, message);
            case CANCEL_HUMAN -> Turn.of(state.withoutOffers(), new Reply.Text(phrases.get("human.not-active")));
            case CANCEL -> cancel(state);
            case RESUME -> state.draft() == null ? Turn.of(state, new Reply.Text(phrases.get("resume.nothing")))
                    : intake.resume(state);
            case CHOICE -> ratings.awaitsRating(state, message, r.number()) ? ratings.rateByNumber(state, message, r.number())
                    : menu(state, phrases.get("choice.unknown"));
        };
    }

    /** A message while an appeal is being collected or confirmed. */
    private Turn collecting(DialogState state, UserMessage message, Recognition r, String text) {
        switch (r.intent()) {
            case CANCEL:
                return cancel(state);
            case HUMAN:
                return human.request(state, message);
            case STATUS:
                return r.ticketNo() == null ? status.list(state.paused(), message)
                        : status.show(state.paused(), message, r.ticketNo());
            case MENU:
                return menu(state.paused(), null);
            case RESUME:
            case GREETING:
                return intake.resume(state);
            default:
                break;
        }
        if (text == null) { // a menu click that is not one of the above: the click's own intent, the draft kept
            return dispatch(state.paused(), message, r, null);
        }
        if (state.phase() == Phase.CONFIRMING) {
            if (r.intent() == Intent.CONFIRM) {
                return submit.submit(state, message);
            }
            if (r.intent() == Intent.CHOICE) {
                return pick(state, message, r.number());
            }
        }
        if (state.phase() == Phase.INTAKE && state.awaiting() != Slot.DESCRIPTION && r.intent() == Intent.ENQUIRY
                && IntentRules.isQuestion(text) && extractor.extract(text, state.awaiting(), false).values().isEmpty()) {
            return enquiries.answer(state.paused(), text, null); // a question in the middle: answered, the appeal kept
        }
        return intake.answer(state, text, r);
    }

    private Turn pick(DialogState state, UserMessage message, int number) {
        if (number < 1 || number > state.offers().size()) {
            return Turn.of(state, new Reply.Text(phrases.get("choice.unknown")));
        }
        Offer offer = state.offers().get(number - 1);
        return switch (offer.action()) {
            case ANSWER -> enquiries.pick(state, state.suggestions().get(Integer.parseInt(offer.arg())));
            case HUMAN -> human.request(state, message);
            case APPEAL -> FRESH.equals(offer.arg()) ? intake.open(state.withoutDraft(), null, null) : appealFromEnquiry(state);
            case STATUS -> status.list(state, message);
            case ENQUIRY -> Turn.of(state.withoutOffers(), new Reply.Text(phrases.get("enquiry.prompt")));
            case LEAVE_MESSAGE -> intake.openWith(state.withoutDraft(), AppealDraft.empty().with(Slot.KIND, AppealKind.HELP.code()),
                    List.of(new Reply.Text(phrases.get("human.leave-message"))));
            case RATE -> ratings.rate(state, message, offer.arg());
            case TICKET -> status.show(state, message, offer.arg());
            case CONFIRM -> submit.submit(state, message);
            case EDIT -> intake.edit(state);
            case CANCEL -> cancel(state);
            case MENU -> menu(state, null);
        };
    }

    /** An enquiry without an answer becomes a help request; the question is its description when long enough. */
    private Turn appealFromEnquiry(DialogState state) {
        AppealDraft draft = AppealDraft.empty().with(Slot.KIND, AppealKind.HELP.code());
        String question = state.lastQuestion();
        if (question != null && ChineseText.meaningfulLength(question) >= properties.minDescriptionLength()) {
            draft = draft.with(Slot.DESCRIPTION, ChineseText.forReading(question));
        }
        return intake.openWith(state.withoutDraft(), draft, List.of(new Reply.Text(phrases.get("intake.start"))));
    }

    private Turn scanned(DialogState state, UserMessage message) {
        String scene = message.scene();
        if (scene != null && scene.startsWith("card:")) {
            return card(state, scene.substring("card:".length()).strip());
        }
        return menu(state, phrases.get("welcome"));
    }

    /** A printed service card: an appeal pre-filled with the card's department and district. */
    private Turn card(DialogState state, String code) {
        ServiceCards directory = cards.getIfAvailable();
        AppealDraft draft = AppealDraft.empty();
        List<Reply> preface = new ArrayList<>();
        if (directory == null) {
            draft = draft.fromCard(code, null, null);
            preface.add(new Reply.Text(phrases.get("intake.start")));
        } else {
            var card = directory.find(code);
            if (card.isPresent()) {
                draft = draft.fromCard(card.get().code(), card.get().department(), card.get().district());
                preface.add(new Reply.Text(phrases.get("card.welcome", card.get().title()) + phrases.get("intake.start")));
            } else {
                preface.add(new Reply.Text(phrases.get("card.unknown")));
            }
        }
        return intake.openWith(state.withoutDraft(), draft, preface);
    }

    private Turn image(DialogState state, UserMessage message) {
        if (state.phase() != Phase.IDLE && message.media() != null) {
            UserMessage.Media media = message.media();
            // the media id: the channel keeps the picture under it (WeChat's own URLs refuse other sites and expire)
            return intake.photo(state, media.mediaId() != null ? media.mediaId() : media.url());
        }
        return hinted(Turn.of(state, new Reply.Text(phrases.get("image.outside-intake"))));
    }

    private Turn cancel(DialogState state) {
        String key = state.draft() != null ? "cancel.done" : "cancel.nothing";
        return Turn.of(DialogState.fresh(), new Reply.Text(phrases.get(key)));
    }

    private Turn menu(DialogState state, String greeting) {
        List<Reply> replies = new ArrayList<>();
        if (greeting != null) {
            replies.add(new Reply.Text(greeting));
        }
        replies.add(new Reply.Choices(phrases.get("menu.intro"), List.of(phrases.get("menu.enquiry"), phrases.get("menu.appeal"),
                phrases.get("menu.status"), phrases.get("menu.human")), phrases.get("menu.outro")));
        List<Offer> offers = List.of(Offer.of(Offer.Action.ENQUIRY), new Offer(Offer.Action.APPEAL, FRESH),
                Offer.of(Offer.Action.STATUS), Offer.of(Offer.Action.HUMAN));
        DialogState next = state.phase() == Phase.IDLE ? state : state.paused();
        return new Turn(replies, next.offering(offers, List.of(), null));
    }
}
