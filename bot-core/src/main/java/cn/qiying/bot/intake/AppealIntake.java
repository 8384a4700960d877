package cn.qiying.bot.intake;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import cn.qiying.bot.Reply;
import cn.qiying.bot.intent.Intent;
import cn.qiying.bot.intent.Recognition;
import cn.qiying.bot.state.DialogState;
import cn.qiying.bot.state.Offer;
import cn.qiying.bot.state.Phase;
import cn.qiying.bot.state.Turn;
import cn.qiying.bot.text.Phrases;

/** Appeal intake as slot filling: asks for what is missing, takes what is given, corrects, then shows the summary. */
@Component
public class AppealIntake {

    private final SlotExtractor extractor;
    private final Phrases phrases;

    public AppealIntake(SlotExtractor extractor, Phrases phrases) {
        this.extractor = extractor;
        this.phrases = phrases;
    }

    /** Starts a new appeal; the opening message may already carry the kind, the description and other slots. */
    public Turn open(DialogState state, AppealKind kind, String openingText) {
        AppealDraft draft = AppealDraft.empty();
        if (kind != null) {
            draft = draft.with(Slot.KIND, kind.code());
        }
        List<Reply> preface = new ArrayList<>();
        if (openingText != null && !openingText.isBlank()) {
            draft = apply(draft, extractor.extract(openingText, null, true), null, Phase.INTAKE, preface);
            preface.clear(); // problems in an opening message are asked about in turn, not lectured on
        }
        return openWith(state, draft, List.of(new Reply.Text(phrases.get("intake.start"))));
    }

    /** Starts an appeal from a prepared draft (a service card, an enquiry without an answer, a message left off hours). */
    public Turn openWith(DialogState state, AppealDraft draft, List<Reply> preface) {
        return next(state.withoutOffers(), draft, preface);
    }

    /** The user's answer while an appeal is being collected or confirmed. */
    public Turn answer(DialogState state, String text, Recognition recognition) {
        AppealDraft draft = state.draft();
        Slot awaiting = state.phase() == Phase.CONFIRMING ? null : state.awaiting();
        List<Reply> preface = new ArrayList<>();
        if (recognition.intent() == Intent.SKIP && awaiting != null) {
            if (awaiting.optional()) {
                return next(state, draft.skip(awaiting), preface);
            }
            preface.add(new Reply.Text(phrases.get("intake.required", phrases.get(awaiting.labelKey()))));
            return next(state, draft, preface);
        }
        SlotExtractor.Extraction extraction = extractor.extract(text, awaiting, false);
        if (extraction.correctionTarget() != null) {
            Slot target = extraction.correctionTarget();
            return Turn.of(state.withoutOffers().collecting(Phase.INTAKE, draft, target), ask(target, draft));
        }
        if (extraction.isEmpty()) {
            preface.add(new Reply.Text(phrases.get(state.phase() == Phase.CONFIRMING ? "intake.confirm-unclear" : "intake.unclear")));
            return state.phase() == Phase.CONFIRMING ? confirmTurn(state, draft, preface) : next(state, draft, preface);
        }
        AppealDraft updated = apply(draft, extraction, awaiting, state.phase(), preface);
        if (state.phase() == Phase.CONFIRMING && !extraction.values().isEmpty()) {
            preface.add(0, new Reply.Text(phrases.get("intake.updated", labels(extraction.values()))));
        } else if (extraction.values().size() > 1 || (!extraction.values().isEmpty() && !extraction.values().containsKey(awaiting))) {
            preface.add(0, new Reply.Text(phrases.get("intake.taken", labels(extraction.values())))); // say what was understood beyond the question
        }
        return next(state, updated, preface);
    }

    /** An image message: attached to the appeal under way. */
    public Turn photo(DialogState state, String reference) {
        AppealDraft draft = state.draft().withPhoto(reference);
        List<Reply> preface = new ArrayList<>();
        preface.add(new Reply.Text(phrases.get("intake.photo-received", draft.photos().size())));
        if (state.phase() == Phase.CONFIRMING || state.awaiting() != Slot.PHOTOS) {
            return state.phase() == Phase.CONFIRMING ? confirmTurn(state, draft, preface)
                    : Turn.of(state.collecting(Phase.INTAKE, draft, state.awaiting()), preface.toArray(Reply[]::new));
        }
        return next(state, draft, preface);
    }

    /** "继续": back to the question or the summary where the user left off. */
    public Turn resume(DialogState state) {
        return next(state.withoutOffers(), state.draft(), List.of(new Reply.Text(phrases.get("intake.resumed"))));
    }

    /** "修改": how to correct a slot. */
    public Turn edit(DialogState state) {
        return Turn.of(state.withoutOffers().collecting(Phase.CONFIRMING, state.draft(), null),
                new Reply.Text(phrases.get("intake.edit-how")));
    }

    /** The summary shown before the ticket is created. */
    public Turn confirmTurn(DialogState state, AppealDraft draft, List<Reply> preface) {
        List<Reply> replies = new ArrayList<>(preface);
        replies.add(new Reply.Text(summary(draft)));
        replies.add(new Reply.Choices(phrases.get("confirm.intro"),
                List.of(phrases.get("confirm.submit"), phrases.get("confirm.edit"), phrases.get("confirm.cancel")),
                phrases.get("confirm.outro")));
        List<Offer> offers = List.of(Offer.of(Offer.Action.CONFIRM), Offer.of(Offer.Action.EDIT), Offer.of(Offer.Action.CANCEL));
        return new Turn(replies, state.collecting(Phase.CONFIRMING, draft, null).offering(offers, List.of(), null));
    }

    public String summary(AppealDraft draft) {
        StringBuilder text = new StringBuilder(phrases.get("summary.title"));
        for (Slot slot : Slot.values()) {
            String value = switch (slot) {
                case KIND -> draft.kind() == null ? null : phrases.get(draft.kind().labelKey());
                case PHOTOS -> draft.photos().isEmpty() ? null : phrases.get("summary.photos", draft.photos().size());
                default -> draft.value(slot);
            };
            text.append('\n').append(phrases.get(slot.labelKey())).append("：")
                    .append(value == null ? phrases.get("summary.empty") : value);
        }
        return text.toString();
    }

    private Turn next(DialogState state, AppealDraft draft, List<Reply> preface) {
        Slot missing = draft.nextMissing();
        if (missing == null) {
            return confirmTurn(state, draft, preface);
        }
        List<Reply> replies = new ArrayList<>(preface);
        replies.add(ask(missing, draft));
        return new Turn(replies, state.withoutOffers().collecting(Phase.INTAKE, draft, missing));
    }

    private Reply ask(Slot slot, AppealDraft draft) {
        if (slot == Slot.KIND) {
            return new Reply.Choices(phrases.get("ask.kind"),
                    Arrays.stream(AppealKind.values()).map(k -> phrases.get(k.labelKey())).toList(),
                    phrases.get("ask.kind-outro"));
        }
        return new Reply.Text(phrases.get(slot.questionKey()));
    }

    private AppealDraft apply(AppealDraft draft, SlotExtractor.Extraction extraction, Slot awaiting, Phase phase,
                              List<Reply> preface) {
        AppealDraft updated = draft;
        for (Map.Entry<Slot, String> value : extraction.values().entrySet()) {
            boolean incidental = awaiting == Slot.DESCRIPTION && value.getKey() != Slot.DESCRIPTION;
            if (!incidental || draft.value(value.getKey()) == null) {
                updated = updated.with(value.getKey(), value.getValue());
            }
        }
        for (SlotExtractor.Problem problem : extraction.problems()) {
            preface.add(new Reply.Text(phrases.get(problem.messageKey())));
        }
        return updated;
    }

    private String labels(Map<Slot, String> values) {
        return String.join("、", values.keySet().stream().map(s -> phrases.get(s.labelKey())).toList());
    }
}
