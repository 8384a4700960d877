package cn.qiying.handoff.ticket;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import cn.qiying.handoff.sla.Complexity;
import cn.qiying.handoff.sla.Milestones;

/**
 * A ticket (工单). Stored as one Redis hash (the JSON document plus its indexed fields) and changed only through
 * {@link TicketTransitions}, which writes a new version with a compare-and-set. Instances are copied, never shared.
 */
public final class Ticket {

    private String no;
    private long version;
    private Source source;
    private Enterprise enterprise;
    private String district;
    private Kind kind;
    private String category;
    private Complexity complexity;
    private String description;
    private List<String> attachments = new ArrayList<>();
    private String department;
    private List<String> coDepartments = new ArrayList<>();
    private String suggestedDepartment;
    private Double suggestionConfidence;
    private TicketStatus status;
    private Milestones deadlines = Milestones.NONE;
    private Flags flags = Flags.NONE;
    private RatingRecord rating;
    private Counters counters = Counters.ZERO;
    private Instant receivedAt;
    private Instant contactedAt;
    private Instant firstReplyAt;
    private Instant resolvedAt;
    private Instant closedAt;
    private String result;
    private String mergedInto;
    private CallbackVisit callbackVisit;
    private List<SupervisionEntry> supervision = new ArrayList<>();
    private List<HistoryEntry> history = new ArrayList<>();
    private List<String> firedTimers = new ArrayList<>();
    private Instant windowStart;

    Ticket() {
    }

    static Ticket received(String no, Source source, Enterprise enterprise, String district, Kind kind, String category,
                           Complexity complexity, String description, List<String> attachments, Instant receivedAt) {
        Ticket t = new Ticket();
        t.no = no;
        t.source = source;
        t.enterprise = enterprise;
        t.district = district;
        t.kind = kind;
        t.category = category;
        t.complexity = complexity;
        t.description = description;
        t.attachments = attachments == null ? new ArrayList<>() : new ArrayList<>(attachments);
        t.status = TicketStatus.RECEIVED;
        t.receivedAt = receivedAt;
        t.windowStart = receivedAt;
        return t;
    }

    Ticket copy() {
        return TicketJson.read(TicketJson.write(this));
    }

    void append(HistoryEntry entry) {
        history.add(entry);
    }

    public String getNo() { return no; }
    public long getVersion() { return version; }
    public Source getSource() { return source; }
    public Enterprise getEnterprise() { return enterprise; }
    public String getDistrict() { return district; }
    public Kind getKind() { return kind; }
    public String getCategory() { return category; }
    public Complexity getComplexity() { return complexity; }
    public String getDescription() { return description; }
    public List<String> getAttachments() { return List.copyOf(attachments); }
    public String getDepartment() { return department; }
    public List<String> getCoDepartments() { return List.copyOf(coDepartments); }
    public String getSuggestedDepartment() { return suggestedDepartment; }
    public Double getSuggestionConfidence() { return suggestionConfidence; }
    public TicketStatus getStatus() { return status; }
    public Milestones getDeadlines() { return deadlines; }
    public Flags getFlags() { return flags; }
    public RatingRecord getRating() { return rating; }
    public Counters getCounters() { return counters; }
    public Instant getReceivedAt() { return receivedAt; }
    public Instant getContactedAt() { return contactedAt; }
    public Instant getFirstReplyAt() { return firstReplyAt; }
    public Instant getResolvedAt() { return resolvedAt; }
    public Instant getClosedAt() { return closedAt; }
    public String getResult() { return result; }
    public String getMergedInto() { return mergedInto; }
    public CallbackVisit getCallbackVisit() { return callbackVisit; }
    public List<SupervisionEntry> getSupervision() { return List.copyOf(supervision); }
    public List<HistoryEntry> getHistory() { return List.copyOf(history); }
    /** Deadlines count from here: receipt, or the last reopening. */
    public Instant getWindowStart() { return windowStart == null ? receivedAt : windowStart; }
    List<String> firedTimers() { return firedTimers; }

    /** Lead or co-handling department. */
    public boolean involves(String departmentId) {
        return departmentId != null && (departmentId.equals(department) || coDepartments.contains(departmentId));
    }

    void setVersion(long version) { this.version = version; }
    void setCategory(String category) { this.category = category; }
    void setComplexity(Complexity complexity) { this.complexity = complexity; }
    void setDepartment(String department) { this.department = department; }
    void setCoDepartments(List<String> coDepartments) { this.coDepartments = new ArrayList<>(coDepartments); }
    void setSuggestion(String department, Double confidence) { this.suggestedDepartment = department; this.suggestionConfidence = confidence; }
    void setStatus(TicketStatus status) { this.status = status; }
    void setDeadlines(Milestones deadlines) { this.deadlines = deadlines; }
    void setFlags(Flags flags) { this.flags = flags; }
    void setRating(RatingRecord rating) { this.rating = rating; }
    void setCounters(Counters counters) { this.counters = counters; }
    void setContactedAt(Instant at) { this.contactedAt = at; }
    void setFirstReplyAt(Instant at) { this.firstReplyAt = at; }
    void setResolvedAt(Instant at) { this.resolvedAt = at; }
    void setClosedAt(Instant at) { this.closedAt = at; }
    void setResult(String result) { this.result = result; }
    void setMergedInto(String no) { this.mergedInto = no; }
    void setCallbackVisit(CallbackVisit visit) { this.callbackVisit = visit; }
    void setWindowStart(Instant at) { this.windowStart = at; this.firedTimers = new ArrayList<>(); }
    void fired(String timer) { this.firedTimers.add(timer); }
    void addSupervision(SupervisionEntry entry) { this.supervision.add(entry); }
}
