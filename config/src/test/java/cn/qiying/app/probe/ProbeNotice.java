package cn.qiying.app.probe;

import org.springframework.data.annotation.Id;

import com.redis.om.spring.annotations.Document;
import com.redis.om.spring.annotations.Indexed;
import com.redis.om.spring.annotations.Searchable;
import com.redis.om.spring.repository.query.SearchLanguage;

/** A test-only document proving the harness: Chinese full text and a numeric range through redis-om-spring. */
@Document(value = "qiying:probe:notice", language = SearchLanguage.CHINESE)
public class ProbeNotice {

    @Id
    private String id;

    @Searchable
    private String title;

    @Indexed
    private Integer days;

    public ProbeNotice() {
    }

    public ProbeNotice(String id, String title, Integer days) {
        this.id = id;
        this.title = title;
        this.days = days;
    }

    public String getId() {
        return id;
    }

    public void setId(String id) {
        this.id = id;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public Integer getDays() {
        return days;
    }

    public void setDays(Integer days) {
        this.days = days;
    }
}
