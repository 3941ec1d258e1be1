package jp.madoguchi.audit.domain;

/** Finds out who is acting on the current thread (security context, HTTP request). */
@FunctionalInterface
public interface AttributionSource {

	Attribution current();

}
