package cn.qiying.channels.card;

import java.util.List;

import com.redis.om.spring.repository.RedisDocumentRepository;

public interface ServiceCardRepository extends RedisDocumentRepository<ServiceCard, String> {

    List<ServiceCard> findByDepartment(String department);
}
