package cn.qiying.platform.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A helper of controllers that speaks HTTP itself (a body reader, a reply builder, an event stream). Only controllers,
 * advice, configuration and classes marked so may use web types; the modularity test holds everyone else to it.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WebEdge {
}
