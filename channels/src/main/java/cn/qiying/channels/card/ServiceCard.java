package cn.qiying.channels.card;

import org.springframework.data.annotation.Id;

import com.redis.om.spring.annotations.Document;
import com.redis.om.spring.annotations.Indexed;
import com.redis.om.spring.annotations.Searchable;
import com.redis.om.spring.repository.query.SearchLanguage;

/**
 * A printed service card: its QR code leads to {@code /q/<code>}, an appeal form pre-filled with the department,
 * district and place the card belongs to. Stored as {@code qiying:card:<code>}.
 */
@Document(value = "qiying:card", language = SearchLanguage.CHINESE)
public class ServiceCard {

    @Id
    private String code;

    @Searchable
    private String title;

    @Indexed
    private String department;

    @Indexed
    private String district;

    private String place;

    /** ISO-8601 instant. */
    private String createdAt;

    public ServiceCard() {
    }

    public ServiceCard(String code, String title, String department, String district, String place, String createdAt) {
        this.code = code;
        this.title = title;
        this.department = department;
        this.district = district;
        this.place = place;
        this.createdAt = createdAt;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getTitle() {
        return title;
    }

    public void setTitle(String title) {
        this.title = title;
    }

    public String getDepartment() {
        return department;
    }

    public void setDepartment(String department) {
        this.department = department;
    }

    public String getDistrict() {
        return district;
    }

    public void setDistrict(String district) {
        this.district = district;
    }

    public String getPlace() {
        return place;
    }

    public void setPlace(String place) {
        this.place = place;
    }

    public String getCreatedAt() {
        return createdAt;
    }

    public void setCreatedAt(String createdAt) {
        this.createdAt = createdAt;
    }
}
