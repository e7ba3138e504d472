import type { TopicAssignment } from "@alignment-trends/schema";
import { capitalize, coinWord, spellNumber } from "./coinWord";
import { composeTaggedText, type TagTarget, type TextPlan } from "./composeTaggedText";
import type { ProfileSamplers } from "./ProfileSamplers";
import { SeededRandom } from "./SeededRandom";

/** A Hugging Face user as the API embeds one (an author's account, a submitter). */
export interface HfUser {
  _id: string;
  avatarUrl: string;
  isPro: boolean;
  fullname: string;
  user: string;
  type: "user";
}

export interface SyntheticAuthor {
  _id: string;
  name: string;
  hidden: boolean;
  user: HfUser | null;
  status: string | null;
}

export interface Organization {
  _id: string;
  name: string;
  fullname: string;
  avatar: string;
}

/** One synthetic paper: everything its API entry and page card show, and the tags the product's tagger gives it. */
export interface SyntheticPaper {
  index: number;
  /** The arXiv publication time, an ISO timestamp in UTC. */
  publishedAt: string;
  title: string;
  abstract: string;
  keywords: string[] | null;
  aiSummary: string | null;
  authors: SyntheticAuthor[];
  upvotes: number;
  comments: number;
  /** A 24-digit hexadecimal id, the prefix of the discussion and author ids. */
  objectId: string;
  githubRepo: string | null;
  githubStars: number | null;
  repoAddedByUser: boolean;
  projectPage: string | null;
  organization: Organization | null;
  mediaUrl: string | null;
  authorParticipating: boolean;
  summaryModel: boolean;
  submitter: HfUser;
  /** True when the entry keeps arXiv's hard line wraps in its title and abstract. */
  wrapped: boolean;
  assignment: TopicAssignment;
  matched: boolean;
}

/** What a paper's generation depends on besides its index: the run's seed, the samplers and the size of the name pools. */
export interface PaperSetting {
  seed: number;
  samplers: ProfileSamplers;
  /** Distinct authors the pool can hold; see `authorPoolSize`. */
  authorPool: number;
  /** Maps an index to a distinct four-syllable number, so that title names look unrelated for neighbouring papers. */
  scrambleName: (index: number) => number;
}

/*
 * Authors recur about as in the real API files, where 60% of author entries
 * are distinct names and the busiest name has 37 papers among 3,352. An
 * author's rank in a pool of 1.24 names per expected author entry is drawn
 * as pool * u^1.5. A simulation of the real sample's 32,382 entries gives 65%
 * distinct names and at most about 31 papers per name. The pool grows with
 * the run, so the share of distinct names stays near 65% at every size.
 */
const AUTHOR_POOL_PER_ENTRY = 1.24;
const AUTHOR_RANK_EXPONENT = 1.5;
const GIVEN_NAMES = 6400;
const FAMILY_NAMES = 512_000;
const ORGANIZATIONS = 3000;
const SUBMITTERS = 50_000;
/** The model that real entries with `ai_summary_model` name. */
export const AI_SUMMARY_MODEL = "Qwen/Qwen2.5-Coder-32B-Instruct";

/** Returns the size of the author pool for a run of `papers` papers. */
export function authorPoolSize(samplers: ProfileSamplers, papers: number): number {
  return Math.max(100, Math.ceil(papers * samplers.authorsPerPaper.mean() * AUTHOR_POOL_PER_ENTRY));
}

/** Spells a pool rank as a distinct full name: the given name varies fastest, both parts scrambled so neighbours differ. */
function nameOfRank(rank: number): string {
  const givenIndex = rank % GIVEN_NAMES;
  const familyIndex = Math.floor(rank / GIVEN_NAMES);
  const givenSpelling = spellNumber((givenIndex * 4099 + 1234) % GIVEN_NAMES, 2);
  const familySpelling = spellNumber((((familyIndex + 97 * givenIndex) % FAMILY_NAMES) * 200_003 + 777) % FAMILY_NAMES, 3);
  return `${capitalize(givenSpelling)} ${capitalize(familySpelling)}`;
}

function handleOf(name: string): string {
  return name.toLowerCase().replace(/\s+/gu, "");
}

function userOf(random: SeededRandom, name: string): HfUser {
  return { _id: random.hex(24), avatarUrl: `/avatars/${random.hex(32)}.svg`, isPro: random.chance(0.1), fullname: name, user: handleOf(name), type: "user" };
}

function drawAuthors(setting: PaperSetting, random: SeededRandom, objectId: string): SyntheticAuthor[] {
  const { samplers } = setting;
  const count = samplers.authorsPerPaper.sample(random);
  const base = Number.parseInt(objectId.slice(18), 16);
  return Array.from({ length: count }, (_, i) => {
    const name = nameOfRank(Math.floor(setting.authorPool * random.float() ** AUTHOR_RANK_EXPONENT));
    const withUser = random.chance(samplers.shares.authorWithUser);
    return {
      _id: `${objectId.slice(0, 18)}${((base + i + 1) % 0x100_0000).toString(16).padStart(6, "0")}`,
      name,
      hidden: random.chance(samplers.shares.authorHidden),
      user: withUser ? userOf(random, name) : null,
      status: withUser ? samplers.authorStatuses.sample(random) : null,
    };
  });
}

function drawOrganization(random: SeededRandom): Organization {
  const rank = Math.floor(ORGANIZATIONS * random.float() ** 2);
  const name = capitalize(spellNumber((rank * 1031 + 17) % 6400, 2));
  return { _id: random.hex(24), name: `${name}AI`, fullname: `${name} Institute of Technology`, avatar: `https://cdn-avatars.huggingface.co/v1/production/uploads/${random.hex(24)}/${random.hex(22)}.png` };
}

/** Draws a star count: a power-of-two bin from the profile, then a uniform count within it. */
function drawStars(samplers: ProfileSamplers, random: SeededRandom): number {
  const bin = samplers.githubStars.sample(random);
  return bin === 0 ? 0 : bin + random.int(bin);
}

/** Writes a title name in one of the styles real names take: "Kobelusa", "KOBELUSA" or "Kobelusa-3". */
function styleTitleName(random: SeededRandom, name: string): string {
  const style = random.float();
  if (style < 0.3) return name.toUpperCase();
  if (style < 0.45) return `${name}-${random.intBetween(1, 9)}`;
  return name;
}

/** Draws the sizes of a paper's texts; a title shorter than six words always opens with a name, which keeps short titles distinct. */
function planText(setting: PaperSetting, random: SeededRandom, index: number, codeSentence: string | null, pageOnly: boolean): TextPlan {
  const { samplers } = setting;
  const titleWords = samplers.titleWords.sample(random);
  const named = titleWords < 6 || random.chance(samplers.namedLongTitleShare);
  const titleName = named ? styleTitleName(random, capitalize(spellNumber(setting.scrambleName(index), 4))) : null;
  const abstractWords = samplers.abstractWordsByTen.sample(random) + random.int(10);
  const keywords = random.chance(samplers.shares.aiKeywords) ? samplers.keywordsPerPaper.sample(random) : null;
  const summaryWords = random.chance(samplers.shares.aiSummary) ? samplers.summaryWords.sample(random) : null;
  // A page shows no keywords, and the tagger reads keywords, so a paper only a page lists has none.
  return { titleName, titleWords, abstractWords, keywords: pageOnly ? null : keywords, summaryWords, codeSentence };
}

/**
 * Generates paper `index` published at `publishedAt` (an ISO timestamp).
 * Every draw comes from a generator keyed by the run's seed and the index,
 * so a paper is the same whatever was generated before it. `listedMonth`
 * (`YYYY-MM`) sets the chance of a code repository, which grows over time.
 * A paper for a page alone (`pageOnly`) gets no keywords, as a page has none.
 */
export function generatePaper(setting: PaperSetting, index: number, publishedAt: string, listedMonth: string, pageOnly = false): SyntheticPaper {
  const { samplers } = setting;
  const random = SeededRandom.derive(setting.seed, "paper", index);
  const target: TagTarget = { scope: samplers.scopes.sample(random), topics: [] };
  if (target.scope === "alignment") target.topics = samplers.topicSets.sample(random);

  const objectId = `${Math.floor(Date.parse(publishedAt) / 1000).toString(16).padStart(8, "0")}${random.hex(16)}`;
  const authors = drawAuthors(setting, random, objectId);
  const owner = authors.length > 0 ? handleOf(random.pick(authors).name) : coinWord(random);
  const slug = coinWord(random);
  const githubRepo = random.chance(samplers.repositoryShare(listedMonth)) ? `https://github.com/${owner}/${slug}` : null;
  const codeSentence = random.chance(samplers.shares.codeLinkInAbstract) ? `Code is available at https://github.com/${owner}/${slug}.` : null;
  const text = composeTaggedText(samplers, random, target, planText(setting, random, index, codeSentence, pageOnly));

  const participating = random.chance(samplers.shares.authorParticipating);
  const submitterAuthor = authors.find((author) => author.user !== null);
  return {
    index,
    publishedAt,
    title: text.title,
    abstract: text.abstract,
    keywords: text.keywords,
    aiSummary: text.aiSummary,
    authors,
    upvotes: samplers.upvotes.sample(random),
    comments: samplers.comments.sample(random),
    objectId,
    githubRepo,
    githubStars: githubRepo && random.chance(samplers.shares.githubStarsGivenRepo) ? drawStars(samplers, random) : null,
    repoAddedByUser: githubRepo !== null && random.chance(samplers.shares.repoAddedByUser),
    projectPage: random.chance(samplers.shares.projectPage) ? `https://${owner}.github.io/${slug}/` : null,
    organization: random.chance(samplers.shares.organization) ? drawOrganization(random) : null,
    mediaUrl: random.chance(samplers.shares.mediaUrls) ? `https://cdn-uploads.huggingface.co/production/uploads/${random.hex(24)}/${random.hex(22)}.png` : null,
    authorParticipating: participating,
    summaryModel: text.aiSummary !== null && random.chance(samplers.shares.summaryModel),
    submitter: participating && submitterAuthor?.user ? submitterAuthor.user : userOf(random, nameOfRank(random.int(SUBMITTERS))),
    wrapped: random.chance(samplers.shares.wrapped),
    assignment: text.assignment,
    matched: text.matched,
  };
}
