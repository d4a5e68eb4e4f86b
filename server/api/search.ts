import { Router } from "express";
import type { Services } from "../services";

export function searchRouter(_services: Services): Router {
  const r = Router();
  return r;
}
