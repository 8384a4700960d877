package cn.qiying.knowledge;

/** What the dialog asks of the knowledge base: the bot's decision for one user question. */
public interface KnowledgeSearch {

    /** The bot's decision for a user's question; category may be null. Never throws on odd user text. */
    Answer ask(String question, String category);

    /**
     * The user's verdict on an answer (entryId) to their question: a "not useful" goes to the curation queue with the
     * questions that got no answer. Never throws on odd user text.
     */
    void feedback(String question, String entryId, boolean useful);
}
