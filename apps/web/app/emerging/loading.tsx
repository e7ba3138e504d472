import { LoadingStatus } from "@/components/LoadingStatus";

export default function Loading() {
  return <LoadingStatus message="Loading the emerging terms…" />;
}
