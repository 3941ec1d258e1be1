package jp.madoguchi.audit.domain;

/**
 * The newest event of the chain as recorded in {@code audit.chain_head}: id 0 and the
 * genesis hash while the chain is empty.
 */
public record ChainHead(long lastId, String lastHash) {

	public static final ChainHead EMPTY = new ChainHead(0, ChainHash.GENESIS);

}
