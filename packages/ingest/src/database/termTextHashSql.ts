/**
 * The hash of the text a paper's index rows come from. A paper whose title
 * and abstract hash as before keeps its rows: a load that lists known papers
 * again, as daily lists and newsletters do, recomputes and deletes nothing.
 */
export const TERM_TEXT_HASH_SQL = "md5_number(to_json(struct_pack(title := title, abstract := abstract))::VARCHAR)";
