package jp.madoguchi.audit.domain;

/**
 * Where verification starts: the last purged event (id and hash), or id 0 and the genesis
 * hash while nothing was ever purged.
 */
public record ChainAnchor(long throughId, String throughHash) {

	public static final ChainAnchor GENESIS = new ChainAnchor(0, ChainHash.GENESIS);

}
