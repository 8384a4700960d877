package cn.qiying.knowledge;

/** What the dialog asks of the knowledge base: the bot's decision for one user question. */
public interface KnowledgeSearch {

    /** The bot's decision for a user's question; category may be null. Never throws on odd user text. */
    Answer ask(String question, String category);
}
