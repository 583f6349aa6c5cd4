import './ui/styles.css';
import { startVisit } from './app';

void startVisit();
