package cn.qiying.knowledge.entry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.data.annotation.Id;

import com.redis.om.spring.annotations.Document;
import com.redis.om.spring.annotations.Indexed;
import com.redis.om.spring.annotations.Searchable;
import com.redis.om.spring.annotations.VectorIndexed;
import com.redis.om.spring.indexing.DistanceMetric;
import com.redis.om.spring.repository.query.SearchLanguage;

import redis.clients.jedis.search.schemafields.VectorField.VectorAlgorithm;

/**
 * One knowledge entry (CONTRACT.md import format) with what retrieval needs: its Chinese full text, the vector of its
 * phrasings (KNN), each phrasing's own vector (re-ranking), its validity as epoch days and whether it is live.
 * Key: {@code qiying:knowledge:entry:<id>} (RedisJSON); index {@value #INDEX}.
 */
@Document(value = KnowledgeEntry.PREFIX, indexName = KnowledgeEntry.INDEX, language = SearchLanguage.CHINESE)
public class KnowledgeEntry {

    public static final String PREFIX = "qiying:knowledge:entry";
    public static final String INDEX = "qiying:knowledge:entry:idx";
    /** Epoch day used for "no start" and "no end" of a validity window. */
    public static final long OPEN_START = -1_000_000L;
    public static final long OPEN_END = 10_000_000L;
    public static final String LIVE = "live";
    public static final String STAGED = "staged";

    @Id
    private String id;
    @Searchable(weight = 3.0)
    private String question;
    private List<String> similarQuestions = new ArrayList<>();
    /** The similar questions as one text, so the tokenizer sees them as prose. */
    @Searchable(weight = 2.0)
    private String similarText;
    @Searchable(weight = 0.5)
    private String answer;
    @Indexed
    private String category;
    private String department;
    @Indexed
    private List<String> tags = new ArrayList<>();
    private String sourceUrl;
    private LocalDate validFrom;
    private LocalDate validTo;
    @Indexed
    private Long validFromDay = OPEN_START;
    @Indexed
    private Long validToDay = OPEN_END;
    /** {@value #LIVE}, or {@value #STAGED} while the import that wrote it is unfinished. */
    @Indexed
    private String state = LIVE;
    private String importId;
    private Instant updatedAt;
    private String updatedBy;
    /** Normalised mean of the phrasings' embeddings: what KNN in Redis compares against. */
    @VectorIndexed(algorithm = VectorAlgorithm.HNSW, dimension = 512, distanceMetric = DistanceMetric.COSINE,
            efRuntime = 64)
    private float[] vector;
    /** Every phrasing's embedding (question first), float32 little-endian, Base64: the re-ranker's best-phrasing score. */
    private String phrasingVectors;
    /** The embedding of question and answer read as one passage, encoded as {@link #phrasingVectors}. */
    private String passageVector;
    /** Changes whenever anything a search reads changes: retrieval caches an entry's vectors and texts per revision. */
    private String revision;

    public KnowledgeEntry() {
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = id; }
    public String getQuestion() { return question; }
    public void setQuestion(String question) { this.question = question; }
    public List<String> getSimilarQuestions() { return similarQuestions; }
    public void setSimilarQuestions(List<String> similarQuestions) {
        this.similarQuestions = similarQuestions == null ? new ArrayList<>() : new ArrayList<>(similarQuestions);
    }
    public String getSimilarText() { return similarText; }
    public void setSimilarText(String similarText) { this.similarText = similarText; }
    public String getAnswer() { return answer; }
    public void setAnswer(String answer) { this.answer = answer; }
    public String getCategory() { return category; }
    public void setCategory(String category) { this.category = category; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public List<String> getTags() { return tags; }
    public void setTags(List<String> tags) { this.tags = tags == null ? new ArrayList<>() : new ArrayList<>(tags); }
    public String getSourceUrl() { return sourceUrl; }
    public void setSourceUrl(String sourceUrl) { this.sourceUrl = sourceUrl; }
    public LocalDate getValidFrom() { return validFrom; }
    public void setValidFrom(LocalDate validFrom) { this.validFrom = validFrom; }
    public LocalDate getValidTo() { return validTo; }
    public void setValidTo(LocalDate validTo) { this.validTo = validTo; }
    public Long getValidFromDay() { return validFromDay; }
    public void setValidFromDay(Long validFromDay) { this.validFromDay = validFromDay; }
    public Long getValidToDay() { return validToDay; }
    public void setValidToDay(Long validToDay) { this.validToDay = validToDay; }
    public String getState() { return state; }
    public void setState(String state) { this.state = state; }
    public String getImportId() { return importId; }
    public void setImportId(String importId) { this.importId = importId; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
    public String getUpdatedBy() { return updatedBy; }
    public void setUpdatedBy(String updatedBy) { this.updatedBy = updatedBy; }
    public float[] getVector() { return vector; }
    public void setVector(float[] vector) { this.vector = vector; }
    public String getPhrasingVectors() { return phrasingVectors; }
    public void setPhrasingVectors(String phrasingVectors) { this.phrasingVectors = phrasingVectors; }
    public String getPassageVector() { return passageVector; }
    public void setPassageVector(String passageVector) { this.passageVector = passageVector; }
    public String getRevision() { return revision; }
    public void setRevision(String revision) { this.revision = revision; }
}
