package cn.qiying.bot.enquiry;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

import cn.qiying.bot.Reply;
import cn.qiying.bot.llm.GroundedPhrasing;
import cn.qiying.bot.state.DialogState;
import cn.qiying.bot.state.Offer;
import cn.qiying.bot.state.Suggestion;
import cn.qiying.bot.state.Turn;
import cn.qiying.bot.text.Phrases;
import cn.qiying.knowledge.Answer;
import cn.qiying.knowledge.Hit;
import cn.qiying.knowledge.KnowledgeSearch;

/** An enquiry answered from the knowledge base: the answer with its source, likely questions by number, or a way on. */
@Component
public class EnquiryAnswers {

    private static final int MAX_SUGGESTIONS = 5;

    private final KnowledgeSearch knowledge;
    private final ObjectProvider<GroundedPhrasing> llm;
    private final Phrases phrases;

    public EnquiryAnswers(KnowledgeSearch knowledge, ObjectProvider<GroundedPhrasing> llm, Phrases phrases) {
        this.knowledge = knowledge;
        this.llm = llm;
        this.phrases = phrases;
    }

    public Turn answer(DialogState state, String question, String category) {
        DialogState asked = state.withoutOffers().asked(question);
        Answer answer = knowledge.ask(question, category);
        return switch (answer.decision()) {
            case ANSWER -> new Turn(answerReplies(question, suggestionOf(answer.best())), asked);
            case SUGGEST -> suggest(asked, answer.hits());
            case NONE -> none(asked);
        };
    }

    /** The user picked a suggested question by number. */
    public Turn pick(DialogState state, Suggestion picked) {
        return new Turn(answerReplies(null, picked), state.withoutOffers().asked(picked.question()));
    }

    /** Nothing found: offer a human or an appeal, by number. */
    public Turn none(DialogState state) {
        Reply choices = new Reply.Choices(phrases.get("enquiry.none.intro"),
                List.of(phrases.get("enquiry.none.human"), phrases.get("enquiry.none.appeal")), phrases.get("enquiry.none.outro"));
        return Turn.of(state.offering(List.of(Offer.of(Offer.Action.HUMAN), Offer.of(Offer.Action.APPEAL)), List.of(), null),
                choices);
    }

    private Turn suggest(DialogState state, List<Hit> hits) {
        List<Suggestion> suggestions = hits.stream().limit(MAX_SUGGESTIONS).map(EnquiryAnswers::suggestionOf).toList();
        List<Offer> offers = new ArrayList<>();
        for (int i = 0; i < suggestions.size(); i++) {
            offers.add(new Offer(Offer.Action.ANSWER, String.valueOf(i)));
        }
        Reply choices = new Reply.Choices(phrases.get("enquiry.suggest.intro"),
                suggestions.stream().map(Suggestion::question).toList(), phrases.get("enquiry.suggest.outro"));
        return Turn.of(state.offering(offers, suggestions, null), choices);
    }

    /** The entry's answer (phrased for the user's own question when a language model is configured) and its source. */
    private List<Reply> answerReplies(String question, Suggestion entry) {
        List<Reply> replies = new ArrayList<>();
        GroundedPhrasing phrasing = question == null ? null : llm.getIfAvailable();
        String body = phrasing == null ? entry.answer() : phrasing.phrase(question, entry).orElse(entry.answer());
        StringBuilder text = new StringBuilder(body);
        if (entry.department() != null) {
            text.append("\n\n").append(phrases.get("enquiry.source", entry.department()));
        }
        text.append("\n").append(phrases.get("enquiry.after-answer"));
        replies.add(new Reply.Text(text.toString()));
        if (entry.sourceUrl() != null) {
            replies.add(new Reply.Link(phrases.get("enquiry.source-link") + ": " + entry.question(), entry.sourceUrl()));
        }
        return replies;
    }

    private static Suggestion suggestionOf(Hit hit) {
        return new Suggestion(hit.id(), hit.question(), hit.answer(), hit.department(), hit.sourceUrl());
    }
}
