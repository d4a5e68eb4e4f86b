import { Router } from "express";
import type { Services } from "../services";

export function composerRouter(_services: Services): Router {
  const r = Router();
  return r;
}
