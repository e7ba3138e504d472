import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** The TCP socket state that `/proc/net/tcp` writes as `0A`. */
const LISTEN_STATE = "0A";

/** Returns the inodes of the sockets listening on `port`, from the kernel's IPv4 and IPv6 tables. */
function readListeningSocketInodes(port: number): Set<string> {
  const portHex = port.toString(16).toUpperCase().padStart(4, "0");
  const inodes = new Set<string>();
  for (const table of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    const lines = readFileSync(table, "utf8").trim().split("\n").slice(1);
    for (const line of lines) {
      // Columns: sl, local_address, rem_address, st, tx_queue:rx_queue, tr:tm->when, retrnsmt, uid, timeout, inode.
      const columns = line.trim().split(/\s+/u);
      if (columns[1]?.endsWith(`:${portHex}`) && columns[3] === LISTEN_STATE && columns[9]) inodes.add(columns[9]);
    }
  }
  return inodes;
}

/** Returns `rootPid` and the ids of all its descendants that are still running. */
function listProcessTree(rootPid: number): number[] {
  const parentOf = new Map<number, number>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/u.test(entry)) continue;
    try {
      // The command name in brackets may contain spaces, so the fields after it are read from its closing bracket.
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      parentOf.set(Number(entry), Number(fields[1]));
    } catch {
      // The process exited between the listing and the read; it cannot be a descendant that serves.
    }
  }
  const tree = [rootPid];
  for (let index = 0; index < tree.length; index += 1) {
    for (const [pid, parent] of parentOf) if (parent === tree[index]) tree.push(pid);
  }
  return tree;
}

function readSocketInodes(pid: number): string[] {
  try {
    return readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      const match = /^socket:\[(\d+)\]$/u.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
      return match ? [match[1]!] : [];
    });
  } catch {
    // The process exited or closed the descriptor while it was read.
    return [];
  }
}

/**
 * Returns the id of the process in the tree of `rootPid` that listens on TCP
 * `port`. `npm start` runs a shell that runs `next start`, whose server
 * process is the one to measure, so the pid of npm itself is not it. Linux
 * only, because it reads `/proc`.
 */
export function findListeningProcess(rootPid: number, port: number): number {
  const inodes = readListeningSocketInodes(port);
  for (const pid of listProcessTree(rootPid)) {
    if (readSocketInodes(pid).some((inode) => inodes.has(inode))) return pid;
  }
  throw new Error(`No process under pid ${rootPid} listens on port ${port}; check that the server started on that port`);
}
